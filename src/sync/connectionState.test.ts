import { describe, expect, it } from 'vitest';
import { connectionStateOf, type ConnectionFacts } from './connectionState';

const facts = (f: Partial<ConnectionFacts>): ConnectionFacts => ({
  denied: false,
  socket: 'open',
  synced: true,
  wasOnline: true,
  browserOffline: false,
  failed: false,
  backlog: 0,
  refused: false,
  ...f,
});

describe('what the top bar says about the connection', () => {
  it('says refused while the server refuses a change of this page, whatever the socket does', () => {
    expect(connectionStateOf(facts({ refused: true }))).toBe('refused');
    expect(connectionStateOf(facts({ refused: true, socket: 'closed', synced: false }))).toBe('refused');
    expect(connectionStateOf(facts({ refused: true, denied: true }))).toBe('denied');
  });

  it('says connecting on a first visit until the first sync', () => {
    expect(connectionStateOf(facts({ socket: 'connecting', synced: false, wasOnline: false }))).toBe('connecting');
    expect(connectionStateOf(facts({ socket: 'open', synced: false, wasOnline: false }))).toBe('connecting');
  });

  it('says online when in step with nothing pending', () => {
    expect(connectionStateOf(facts({}))).toBe('online');
  });

  it('says offline once a connection is lost, or when the browser has no network from the start', () => {
    expect(connectionStateOf(facts({ socket: 'closed', synced: false }))).toBe('offline');
    expect(connectionStateOf(facts({ socket: 'connecting', synced: false }))).toBe('offline');
    expect(connectionStateOf(facts({ socket: 'closed', synced: false, wasOnline: false, browserOffline: true }))).toBe('offline');
    expect(connectionStateOf(facts({ socket: 'closed', synced: false, wasOnline: false, backlog: 2 }))).toBe('offline');
    // The server out of reach on the first visit of this page (the board may still open from this browser's copy).
    expect(connectionStateOf(facts({ socket: 'connecting', synced: false, wasOnline: false, failed: true }))).toBe('offline');
  });

  it('says syncing while catching up after a reconnect or sending what was made offline', () => {
    expect(connectionStateOf(facts({ synced: false }))).toBe('syncing');
    expect(connectionStateOf(facts({ backlog: 3 }))).toBe('syncing');
  });

  it('says refused over everything else when the server refused the link', () => {
    expect(connectionStateOf(facts({ denied: true, socket: 'closed' }))).toBe('denied');
  });
});
