// The canvas's element, for the parts of the board outside it: its size, and giving it the keyboard back.
// Found by its class, never by its test id (test ids are the tests' own).
export const CANVAS_CLASS = 'es-canvas';

export function canvasElement(): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.${CANVAS_CLASS}`);
}

/** The keyboard back to the canvas, so the next shortcut works without a click. */
export function focusCanvas(): void {
  canvasElement()?.focus({ preventScroll: true });
}
