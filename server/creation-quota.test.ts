// The creation quota on its own, on a clock the test moves: a burst then a rate per address, bytes in a sliding
// hour, and a table of addresses that forgets the quiet ones.
import { describe, expect, it } from 'vitest';
import { CreationQuota, quotaKey } from './creation-quota';
import { HttpError } from './http';

const MiB = 1024 * 1024;

function refusal(fn: () => unknown): HttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the creation quota', () => {
  it('allows a burst, then the rate per minute, and says how long to wait', () => {
    let now = 0;
    const quota = new CreationQuota({ createBurst: 3, createPerMinute: 6, createBytesPerHour: 100 * MiB }, () => now);
    for (let i = 0; i < 3; i++) quota.admit('10.0.0.1');
    const refused = refusal(() => quota.admit('10.0.0.1'));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('too_many_requests');
    expect(refused.headers['Retry-After']).toBe('10');
    expect(refused.message).toMatch(/wait 10 s/);
    expect(refused.issues).toEqual([]);
    quota.admit('10.0.0.2');
    now += 10_000;
    quota.admit('10.0.0.1');
    expect(() => quota.admit('10.0.0.1')).toThrow(HttpError);
  });

  it('caps the bytes stored per address in a sliding hour, and undoes a charge whose document was not stored', () => {
    let now = 0;
    const quota = new CreationQuota({ createBurst: 1000, createPerMinute: 1000, createBytesPerHour: 10 * MiB }, () => now);
    const a = '192.0.2.1';
    quota.admit(a);
    quota.charge(a, 4 * MiB);
    now += 20 * 60_000;
    quota.admit(a);
    quota.charge(a, 4 * MiB);
    quota.admit(a);
    const over = refusal(() => quota.charge(a, 4 * MiB));
    expect(over.status).toBe(429);
    expect(over.message).toMatch(/8 of the 10 MiB an hour/);
    // The first 4 MiB leave the window 40 minutes from now.
    expect(over.headers['Retry-After']).toBe(String(40 * 60));
    const undo = quota.charge(a, 2 * MiB);
    expect(() => quota.charge(a, 1 * MiB)).toThrow(/MiB an hour/);
    undo();
    quota.charge(a, 1 * MiB);
    // Full: no new creation is even started.
    quota.charge(a, 1 * MiB);
    expect(refusal(() => quota.admit(a)).message).toMatch(/10 of the 10 MiB an hour/);
    now += 40 * 60_000 + 1;
    quota.admit(a);
    quota.charge(a, 4 * MiB);
    // A document larger than the whole hour's allowance can never fit.
    expect(refusal(() => quota.charge('192.0.2.9', 11 * MiB)).message).toMatch(/larger than the 10 MiB/);
  });

  it('forgets addresses once their burst is back and their hour is over, so the table stays small', () => {
    let now = 0;
    const quota = new CreationQuota({ createBurst: 2, createPerMinute: 60, createBytesPerHour: 10 * MiB }, () => now);
    for (let i = 0; i < 5000; i++) {
      quota.admit(`10.1.${Math.floor(i / 250)}.${i % 250}`);
      if (i % 2 === 0) quota.charge(`10.1.${Math.floor(i / 250)}.${i % 250}`, 100);
      now += 1;
    }
    expect(quota.size).toBeGreaterThan(1000);
    // Refused attempts count as well; none of them is remembered for longer than its address is busy.
    const attempt = (address: string) => {
      try {
        quota.admit(address);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
      }
    };
    now += 61 * 60_000;
    for (let i = 0; i < 1000; i++) attempt(`10.2.0.${i % 3}`);
    expect(quota.size).toBeLessThanOrEqual(3);
    now += 61 * 60_000;
    for (let i = 0; i < 1000; i++) attempt('10.3.0.1');
    expect(quota.size).toBe(1);
  });

  it('counts an IPv6 client by its /64, and an IPv4-mapped address as the IPv4 address', () => {
    expect(quotaKey('2001:db8:1:2:aaaa::1')).toBe(quotaKey('2001:0db8:0001:0002:ffff:1:2:3'));
    expect(quotaKey('2001:db8:1:2::1')).not.toBe(quotaKey('2001:db8:1:3::1'));
    expect(quotaKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(quotaKey('fe80::1%eth0')).toBe(quotaKey('fe80::2'));
    expect(quotaKey('not an address')).toBe('not an address');
    const now = 0;
    const quota = new CreationQuota({ createBurst: 1, createPerMinute: 1, createBytesPerHour: MiB }, () => now);
    quota.admit('2001:db8:1:2::1');
    expect(() => quota.admit('2001:db8:1:2::2')).toThrow(HttpError);
    quota.admit('2001:db8:1:3::1');
  });
});
