import { describe, expect, it } from 'vitest';
import { linkKey, linkKeyEnds } from './types';

describe('a link key', () => {
  it('is read back into the ends it was made of', () => {
    expect(linkKey('e1', 'e2')).toBe('e1>e2');
    expect(linkKeyEnds(linkKey('e1', 'e2'))).toEqual({ from: 'e1', to: 'e2' });
    expect(linkKeyEnds(linkKey('V1StGXR8_Z5jdHi6B-myT', 'x-y_z'))).toEqual({ from: 'V1StGXR8_Z5jdHi6B-myT', to: 'x-y_z' });
  });

  it('is not a key without exactly two non-empty ends', () => {
    for (const key of ['', 'e1', 'e1>', '>e2', 'e1>e2>e3', '>']) expect(linkKeyEnds(key), key).toBeNull();
  });
});
