import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName, fileBaseName } from './file-names';

/** UTF-8 bytes of a file name: what ext4, APFS and NTFS (in UTF-16 units, fewer) cap at 255. */
const utf8Bytes = (text: string) => [...text].reduce((n, ch) => n + (ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4), 0);

/** What a browser makes of `filename*=UTF-8''…` (RFC 5987). */
const decodedExtended = (header: string) => decodeURIComponent(/filename\*=UTF-8''([^;\s]*)/.exec(header)![1]);
const fallback = (header: string) => /filename="([^"]*)"/.exec(header)![1];

describe('export file names', () => {
  it('are named after the workshop', () => {
    expect(exportFileName('E-commerce Order Management System', 'json')).toBe('e-commerce-order-management-system.eventstorm.json');
    expect(exportFileName('E-commerce Order Management System', 'markdown')).toBe('e-commerce-order-management-system.report.md');
    expect(exportFileName('Checkout', 'png')).toBe('checkout.png');
    expect(exportFileName('Checkout', 'svg')).toBe('checkout.svg');
  });

  it('keep a Korean name Korean, and letters of any script with their marks', () => {
    expect(exportFileName('주문 관리 시스템', 'json')).toBe('주문-관리-시스템.eventstorm.json');
    expect(fileBaseName('Café — Orders & Payments!')).toBe('café-orders-payments');
    expect(fileBaseName('ＡＢＣ')).toBe('abc');
    // Devanagari vowel signs and viramas are marks, not letters: a word stays one word.
    expect(fileBaseName('हिन्दी कार्यशाला')).toBe('हिन्दी-कार्यशाला');
  });

  it('drop quotes, slashes and whatever else file systems refuse', () => {
    expect(fileBaseName('Café / Bar: "v2"?')).toBe('café-bar-v2');
    expect(fileBaseName(`"Quoted" 'name'`)).toBe('quoted-name');
    expect(fileBaseName('../../etc/passwd')).toBe('etc-passwd');
    expect(fileBaseName('a\\b|c<d>e*f')).toBe('a-b-c-d-e-f');
    expect(fileBaseName('tab\there\nnewline\u0000nul')).toBe('tab-here-newline-nul');
    // Windows reserves device names even with an extension.
    expect(exportFileName('CON', 'json')).toBe('con-workshop.eventstorm.json');
    expect(exportFileName('lpt1', 'png')).toBe('lpt1-workshop.png');
  });

  it('drop emoji', () => {
    expect(fileBaseName('🚀 Launch 🎉 day')).toBe('launch-day');
    expect(fileBaseName('👩‍👩‍👧')).toBe('workshop');
  });

  it('fall back to "workshop" and stay short, also in bytes', () => {
    expect(fileBaseName('')).toBe('workshop');
    expect(fileBaseName('!!!')).toBe('workshop');
    expect(exportFileName('  ---  ', 'json')).toBe('workshop.eventstorm.json');
    const long = fileBaseName('word '.repeat(60));
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
    expect(fileBaseName('A'.repeat(200))).toBe('a'.repeat(80));
    // 80 Hangul syllables are 240 bytes: with ".eventstorm.json" past the 255 bytes a file name may have.
    for (const name of ['가'.repeat(200), '𠀀'.repeat(200), '가 '.repeat(100)]) {
      for (const kind of ['json', 'markdown', 'png', 'svg'] as const) expect(utf8Bytes(exportFileName(name, kind))).toBeLessThanOrEqual(255);
    }
    expect(fileBaseName('가'.repeat(200))).toBe('가'.repeat(66));
  });
});

describe('the Content-Disposition of a download (RFC 6266, RFC 5987)', () => {
  it('names a Latin file in both parameters', () => {
    expect(contentDisposition('checkout.eventstorm.json')).toBe(`attachment; filename="checkout.eventstorm.json"; filename*=UTF-8''checkout.eventstorm.json`);
  });

  it('percent-encodes the UTF-8 name and gives an ASCII fallback', () => {
    const name = exportFileName('주문 관리', 'json');
    const header = contentDisposition(name);
    expect(header).toBe(`attachment; filename="workshop.eventstorm.json"; filename*=UTF-8''%EC%A3%BC%EB%AC%B8-%EA%B4%80%EB%A6%AC.eventstorm.json`);
    expect(decodedExtended(header)).toBe(name);
    const cafe = contentDisposition(exportFileName('Café — Orders & Payments!', 'json'));
    expect(fallback(cafe)).toBe('cafe-orders-payments.eventstorm.json');
    expect(decodedExtended(cafe)).toBe('café-orders-payments.eventstorm.json');
  });

  it('stays a well-formed header whatever the name holds', () => {
    for (const name of [`a"b\\c.json`, "it's (mine)*.md", 'x;y=z, w.png', '🚀.svg', '\u0000\r\n.json', '', '가'.repeat(300)]) {
      const header = contentDisposition(name);
      // Latin-1 only (Node refuses anything else in a header), no line breaks, one quoted string.
      expect(header, name).toMatch(/^attachment; filename="[!#-[\]-~ ]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
      expect(decodedExtended(header), name).toBe(name);
      expect(fallback(header).length, name).toBeGreaterThan(0);
    }
    expect(contentDisposition('half \uD83D.json')).toBe(`attachment; filename="half.json"; filename*=UTF-8''half%20%EF%BF%BD.json`);
  });
});
