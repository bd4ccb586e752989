import { describe, expect, it } from 'vitest';
import { boardHref, parseBoardLocation, parsePastedLink } from './boardLink';

describe('board links', () => {
  it('reads the edit secret from the fragment', () => {
    expect(parseBoardLocation('/w/abc123', '#key=s3cret')).toEqual({ workshopId: 'abc123', secret: 's3cret', access: 'edit' });
  });

  it('reads the view secret from the fragment', () => {
    expect(parseBoardLocation('/w/abc123', '#view=v1')).toEqual({ workshopId: 'abc123', secret: 'v1', access: 'view' });
  });

  it('refuses a board path without a secret and paths that are not boards', () => {
    expect(parseBoardLocation('/w/abc123', '')).toBeNull();
    expect(parseBoardLocation('/', '#key=x')).toBeNull();
    expect(parseBoardLocation('/w/', '#key=x')).toBeNull();
    expect(parseBoardLocation('/w/a/b', '#key=x')).toBeNull();
  });

  it('round-trips through boardHref, escaping what needs it', () => {
    const link = { workshopId: 'a b', secret: 'k&y=1', access: 'edit' as const };
    const href = boardHref(link);
    const url = new URL(href, 'http://x');
    expect(parseBoardLocation(url.pathname, url.hash)).toEqual(link);
  });

  it('understands pasted full URLs and bare paths', () => {
    expect(parsePastedLink('  https://storm.example/w/w1#view=v2 ', 'http://localhost')).toEqual({ workshopId: 'w1', secret: 'v2', access: 'view' });
    expect(parsePastedLink('/w/w1#key=k', 'http://localhost')).toEqual({ workshopId: 'w1', secret: 'k', access: 'edit' });
    expect(parsePastedLink('not a link', 'http://localhost')).toBeNull();
    expect(parsePastedLink('', 'http://localhost')).toBeNull();
  });
});
