// How a sticky's name fits its card: the largest type size (down to a floor) at which the whole name wraps into
// the lines the card has room for; below the floor the name is clamped with an ellipsis (the full name is in
// the sticky's tooltip and the inspector). Pure, given a way to measure text.

/** Width in CSS pixels of `text` set in the sticky's bold face at `fontSize`. */
export type Measure = (text: string, fontSize: number) => number;

export interface NameFit {
  fontSize: number;
  lineHeight: number;
  /** Lines shown (the CSS line clamp). */
  lines: number;
  /** True when even the smallest size cannot show the whole name. */
  clamped: boolean;
}

export const PADDING_X = 10;
export const PADDING_Y = 8;
/** Zoomed out the card is its colour and its name: a narrower margin (index.css, [data-detail='low']). */
export const LOW_PADDING_X = 5;
export const LOW_PADDING_TOP = 10;
export const LOW_PADDING_BOTTOM = 4;
/** Height taken by the type label above the name, with its margins. */
export const TYPE_LABEL_SPACE = 20;

const SIZES = [15, 14, 13, 12, 11];
// Zoomed out a card shows its name alone, as large as it fits, and never below 22 px: a board opened whole is read
// from these (22 px at the zoom of 0.36 a board of a few dozen columns fits at is 8 px on screen). A name too long
// for 22 px is clamped with an ellipsis; the whole of it is in the tooltip, the inspector, and a zoom closer.
const LOW_SIZES = [34, 32, 30, 28, 26, 24, 22];

/** The smallest type a name is set in at full detail: a long name's (below it the name is clamped). */
export const NAME_FLOOR_SIZE = SIZES[SIZES.length - 1];

/**
 * The least zoom at which every sticky's name can be read: where a board too big to show whole opens
 * (initialViewport) and where a panel brings the sticky it points at (useFocusSticky). Worked out from the type:
 * at 0.8 a name in the usual 15 px is 12 px on screen and a long one in the 11 px floor about 9 px, the smallest
 * read without effort; at 0.6 that long name would be 6.6 px (and the 10 px type label 6 px), too small to read.
 */
export const READABLE_ZOOM = 0.8;

/** Lines `text` takes when wrapped greedily at spaces (a word longer than a line breaks anywhere). */
export function wrappedLines(text: string, width: number, fontSize: number, measure: Measure): number {
  return wrap(text, width, fontSize, measure).lines;
}

/** Greedy wrapping at spaces; `broken` tells whether some word was wider than a line and had to break. */
export function wrap(text: string, width: number, fontSize: number, measure: Measure): { lines: number; broken: boolean } {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return { lines: 1, broken: false };
  const space = measure(' ', fontSize);
  let lines = 1;
  let used = 0;
  let broken = false;
  for (const word of words) {
    let w = measure(word, fontSize);
    if (used > 0 && used + space + w <= width) {
      used += space + w;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the line breaks across lines.
    while (w > width) {
      broken = true;
      lines++;
      w -= width;
    }
    used = w;
  }
  return { lines, broken };
}

export function fitName(name: string, width: number, height: number, low: boolean, measure: Measure): NameFit {
  const sizes = low ? LOW_SIZES : SIZES;
  const factor = low ? 1.15 : 1.25;
  const contentWidth = width - 2 * (low ? LOW_PADDING_X : PADDING_X);
  const available = low ? height - LOW_PADDING_TOP - LOW_PADDING_BOTTOM : height - 2 * PADDING_Y - TYPE_LABEL_SPACE;
  // Whole words first: a smaller size that keeps "Customer" in one piece beats a larger one that splits it.
  for (const allowBreaks of [false, true]) {
    for (const fontSize of sizes) {
      const lineHeight = fontSize * factor;
      const room = Math.max(1, Math.floor(available / lineHeight));
      const { lines, broken } = wrap(name, contentWidth, fontSize, measure);
      if (lines <= room && (allowBreaks || !broken)) return { fontSize, lineHeight, lines: room, clamped: false };
    }
  }
  const fontSize = sizes[sizes.length - 1];
  const lineHeight = fontSize * factor;
  return { fontSize, lineHeight, lines: Math.max(1, Math.floor(available / lineHeight)), clamped: true };
}

/** A conservative measure without a canvas (tests, and a fallback): wide for capitals and CJK. */
export const estimateWidth: Measure = (text, fontSize) => {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef))) em += 1;
    else if (ch === ' ') em += 0.3;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else if (/[mwMW]/.test(ch)) em += 0.9;
    else if (/[iljtfr.,:;'!|()]/.test(ch)) em += 0.36;
    else em += 0.6;
  }
  return em * fontSize;
};
