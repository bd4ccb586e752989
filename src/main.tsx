import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './index.css';
import { App } from './ui/App';
import { registerAppShell } from './sync/serviceWorker';
import { z } from 'zod';

// The app's Content-Security-Policy forbids eval: zod parses without compiling (and never probes `Function`).
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

registerAppShell();
