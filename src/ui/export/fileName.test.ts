import { describe, expect, it } from 'vitest';
import { exportFileName, fileBaseName } from './fileName';

describe('export file names', () => {
  it('are named after the workshop', () => {
    expect(exportFileName('E-commerce Order Management System', 'json')).toBe('e-commerce-order-management-system.eventstorm.json');
    expect(exportFileName('E-commerce Order Management System', 'markdown')).toBe('e-commerce-order-management-system.report.md');
    expect(exportFileName('Checkout', 'png')).toBe('checkout.png');
    expect(exportFileName('Checkout', 'svg')).toBe('checkout.svg');
  });

  it('keep letters of any script and drop what file systems refuse', () => {
    expect(fileBaseName('주문 관리 시스템')).toBe('주문-관리-시스템');
    expect(fileBaseName('Café / Bar: "v2"?')).toBe('café-bar-v2');
    expect(fileBaseName('ＡＢＣ')).toBe('abc');
    expect(fileBaseName('../../etc/passwd')).toBe('etc-passwd');
  });

  it('fall back to "workshop" and stay short', () => {
    expect(fileBaseName('')).toBe('workshop');
    expect(fileBaseName('!!!')).toBe('workshop');
    const long = fileBaseName('word '.repeat(60));
    expect([...long].length).toBeLessThanOrEqual(80);
    expect(long.endsWith('-')).toBe(false);
  });
});
