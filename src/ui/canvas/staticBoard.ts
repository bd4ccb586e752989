// Whether the stickies and arrows below are a still picture of the board (the image export) rather than the live
// canvas: a still picture shows the model only — no inline editor, no selection, no search or flow highlight.
import { createContext } from 'react';

export const StaticBoardContext = createContext(false);
