import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MatchText } from './MatchText';

const marked = (text: string, query: string) =>
  renderToStaticMarkup(createElement(MatchText, { text, query })).replace(/<mark[^>]*>/g, '[').replace(/<\/mark>/g, ']');

describe('search matches marked in a text', () => {
  it('marks every occurrence, whatever the case', () => {
    expect(marked('Payment Gateway Timeout Handling', 'timeout')).toBe('Payment Gateway [Timeout] Handling');
    expect(marked('order, Order, ORDER', 'order')).toBe('[order], [Order], [ORDER]');
  });

  it('marks Korean text', () => {
    expect(marked('실재고 차감은 출고 시점', '재고')).toBe('실[재고] 차감은 출고 시점');
  });

  it('leaves the text alone when there is nothing to mark or folding changes its length', () => {
    expect(marked('Order Placed', '')).toBe('Order Placed');
    expect(marked('Order Placed', 'refund')).toBe('Order Placed');
    expect(marked('İstanbul', 'i')).toBe('İstanbul');
  });
});
