/** A small seeded PRNG (mulberry32) so demo data and benchmark datasets are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of items) {
      r -= w;
      if (r < 0) return value;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }

  /** A few distinct items (fewer when the list is short). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length) {
      const i = Math.floor(this.next() * pool.length);
      out.push(pool.splice(i, 1)[0] as T);
    }
    return out;
  }

  /** Digits string of the given length (leading zeros allowed). */
  digits(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += String(this.int(0, 9));
    return s;
  }
}

const DAY = 86_400_000;

/**
 * `count` timestamps over the last `days` days, ascending, denser towards now (business grows), so ids
 * increase with creation time as they would in a real database.
 */
export function spreadDates(rng: Rng, count: number, days: number, now = Date.now()): Date[] {
  const out: Date[] = [];
  for (let i = 0; i < count; i++) {
    const back = days * (1 - Math.sqrt(rng.next())) * DAY;
    out.push(new Date(now - back - rng.int(0, 3600_000)));
  }
  return out.sort((a, b) => a.getTime() - b.getTime());
}

export const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
