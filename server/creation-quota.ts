// How much one address may create: workshops created and imported together, a burst then a rate per minute, and
// the bytes of their documents in a sliding hour. Anyone may create and import (DESIGN.md "Access"); this keeps
// one client from filling the disk. Workshops owns the one quota; a face passes the caller's address (REST does;
// server code, MCP included for now, passes none and is not counted).
import { isIPv4, isIPv6 } from 'node:net';
import { HttpError } from './http';
import { TokenBucket, type Limits } from './limits';

export type CreationLimits = Pick<Limits, 'createBurst' | 'createPerMinute' | 'createBytesPerHour'>;

/** One creation already counted against an address (by `admit`); create and import charge its bytes there. */
export interface CreationTicket {
  readonly address: string;
}

const HOUR_MS = 60 * 60 * 1000;
/** Bytes are kept per minute: at most 61 entries per address, and an hour that slides by the minute. */
const SLOT_MS = 60 * 1000;
/** The table is swept of quiet addresses every this many admissions. */
const SWEEP_EVERY = 256;
const MiB = 1024 * 1024;

interface Slot {
  at: number;
  bytes: number;
}

interface AddressUse {
  bucket: TokenBucket;
  /** Oldest first. */
  slots: Slot[];
  bytes: number;
}

function mib(bytes: number): string {
  const value = bytes / MiB;
  return String(value >= 10 ? Math.round(value) : Number(value.toPrecision(2)));
}

function tooMany(seconds: number, message: string): HttpError {
  const wait = Math.max(1, Math.ceil(seconds));
  return new HttpError(429, 'too_many_requests', `${message}; wait ${wait} s and try again.`, [], { 'Retry-After': String(wait) });
}

/** Eight 16-bit groups of an IPv6 address (`isIPv6` said it is one), zone and embedded IPv4 allowed. */
function ipv6Groups(address: string): number[] {
  let text = address.replace(/%.*$/, '');
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * Whose allowance a request spends: an IPv4 address as it is (an IPv4-mapped IPv6 address as its IPv4 address), an
 * IPv6 address by its /64 (one client's usual share), anything else (a proxy's odd X-Forwarded-For) as it came.
 */
export function quotaKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(bare)) return bare;
  if (isIPv6(bare.replace(/%.*$/, ''))) return `${ipv6Groups(bare).slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
  return address;
}

export class CreationQuota {
  private readonly addresses = new Map<string, AddressUse>();
  private admissions = 0;

  constructor(
    private readonly limits: CreationLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Count one creation (or import) from `address`, before any work is done: a 429 when its burst and rate are
   * spent, or when it has stored its hour's bytes already.
   */
  admit(address: string): CreationTicket {
    if (++this.admissions % SWEEP_EVERY === 0) this.sweep();
    const use = this.use(address);
    if (use.bytes >= this.limits.createBytesPerHour) throw this.overBytes(use, 0);
    if (!use.bucket.take()) {
      throw tooMany(use.bucket.wait() / 1000, 'Too many workshops created or imported from your address');
    }
    return { address };
  }

  /**
   * Count `bytes` of a new document against the address, before it is stored: a 429 when they would take it past
   * the hour's cap (then store nothing). Answers how to take the charge back when the document is not stored after all.
   */
  charge(address: string, bytes: number): () => void {
    const use = this.use(address);
    if (use.bytes + bytes > this.limits.createBytesPerHour) throw this.overBytes(use, bytes);
    const t = this.now();
    let slot = use.slots.at(-1);
    if (!slot || t - slot.at >= SLOT_MS) use.slots.push((slot = { at: t, bytes: 0 }));
    slot.bytes += bytes;
    use.bytes += bytes;
    const charged = slot;
    return () => {
      if (!use.slots.includes(charged)) return;
      charged.bytes -= bytes;
      use.bytes -= bytes;
    };
  }

  /** Addresses the quota remembers (tests). */
  get size(): number {
    return this.addresses.size;
  }

  private use(address: string): AddressUse {
    const key = quotaKey(address);
    let use = this.addresses.get(key);
    if (!use) {
      use = { bucket: new TokenBucket(this.limits.createBurst, this.limits.createPerMinute / 60, this.now), slots: [], bytes: 0 };
      this.addresses.set(key, use);
    }
    this.expire(use);
    return use;
  }

  private expire(use: AddressUse): void {
    const since = this.now() - HOUR_MS;
    while (use.slots.length > 0 && use.slots[0].at <= since) use.bytes -= use.slots.shift()!.bytes;
  }

  /** The refusal for `bytes` more: how much the address stored this hour, and when enough of it leaves the window. */
  private overBytes(use: AddressUse, bytes: number): HttpError {
    const cap = this.limits.createBytesPerHour;
    if (bytes > cap) {
      return tooMany(HOUR_MS / 1000, `This workshop's ${mib(bytes)} MiB are larger than the ${mib(cap)} MiB an hour one address may create or import`);
    }
    let left = use.bytes;
    let wait = HOUR_MS;
    for (const slot of use.slots) {
      left -= slot.bytes;
      if (bytes === 0 ? left < cap : left + bytes <= cap) {
        wait = slot.at + HOUR_MS - this.now();
        break;
      }
    }
    return tooMany(wait / 1000, `Your address has created or imported ${mib(use.bytes)} of the ${mib(cap)} MiB an hour it may store`);
  }

  /** Forget every address whose burst is whole again and whose hour holds nothing. */
  private sweep(): void {
    for (const [key, use] of this.addresses) {
      this.expire(use);
      if (use.slots.length === 0 && use.bucket.full()) this.addresses.delete(key);
    }
  }
}
