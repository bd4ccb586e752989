// The names of a workshop's downloads, one rule for the board's Export menu and the REST export: the workshop's
// name made safe for every file system (a Korean name stays Korean), then what the file is. And the
// Content-Disposition header that hands such a name to a browser (RFC 6266, with RFC 5987's `filename*=` for the
// letters a plain `filename=` cannot carry).

/** A name's first characters at most: long enough to recognise, short enough to read in a downloads list. */
const MAX_BASE_LENGTH = 80;
/**
 * And at most this many UTF-8 bytes: file systems cap a name at 255 bytes (ext4, APFS), and 80 Hangul syllables
 * are already 240, before the longest suffix (`.eventstorm.json`, 16).
 */
const MAX_BASE_BYTES = 200;
/** The name of a workshop whose name keeps nothing. */
const FALLBACK_BASE = 'workshop';
/** Device names Windows refuses as a file name, whatever extension follows. */
const WINDOWS_DEVICES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

const utf8Length = (ch: string): number => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * The workshop's name as the start of a file name: letters (with their accents and vowel signs) and digits of
 * any script kept, everything else — spaces, punctuation, slashes, quotes, control characters, emoji — a single
 * dash, lower case, at most 80 characters and 200 bytes; "workshop" when nothing is left.
 */
export function fileBaseName(workshopName: string): string {
  const base = workshopName
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  let cut = '';
  let bytes = 0;
  let length = 0;
  for (const ch of base) {
    bytes += utf8Length(ch);
    if (++length > MAX_BASE_LENGTH || bytes > MAX_BASE_BYTES) break;
    cut += ch;
  }
  cut = cut.replace(/-+$/, '');
  if (!cut) return FALLBACK_BASE;
  return WINDOWS_DEVICES.test(cut) ? `${cut}-${FALLBACK_BASE}` : cut;
}

export type ExportKind = 'json' | 'markdown' | 'png' | 'svg';

const SUFFIX: Record<ExportKind, string> = {
  json: '.eventstorm.json',
  markdown: '.report.md',
  png: '.png',
  svg: '.svg',
};

/** `e-commerce-order-management-system.eventstorm.json`, `주문-관리.report.md`, … */
export function exportFileName(workshopName: string, kind: ExportKind): string {
  return fileBaseName(workshopName) + SUFFIX[kind];
}

/**
 * A file name in printable ASCII, for `filename=`: accents dropped (`café` → `cafe`), other letters a dash,
 * "workshop" for a name that keeps nothing before its first dot; never a quote or a backslash.
 */
function asciiFileName(fileName: string): string {
  const ascii = (text: string, keep: RegExp) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(keep, '-')
      .replace(/-{2,}/g, '-');
  const dot = fileName.indexOf('.');
  const stem = ascii(dot < 0 ? fileName : fileName.slice(0, dot), /[^A-Za-z0-9_-]+/g).replace(/^-+|-+$/g, '');
  const extension = dot < 0 ? '' : ascii(fileName.slice(dot), /[^A-Za-z0-9._-]+/g).replace(/-*\.-*/g, '.').replace(/-+$/, '');
  return (stem || FALLBACK_BASE) + extension;
}

/**
 * Percent-encoded UTF-8 with only RFC 5987's attr-char left as is (encodeURIComponent also leaves `'()*` alone);
 * a lone surrogate, which has no UTF-8, becomes U+FFFD.
 */
const encodeExtended = (text: string): string =>
  encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * `Content-Disposition` for a download named `fileName` (RFC 6266): `filename*=UTF-8''…` carries the name as it
 * is — browsers prefer it — and `filename="…"` an ASCII stand-in for clients that know only that.
 */
export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeExtended(fileName)}`;
}
