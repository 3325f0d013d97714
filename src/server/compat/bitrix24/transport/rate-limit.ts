/**
 * Bitrix24's request limit: a leaky bucket per webhook. Each request adds one; the bucket drains at
 * `perSecond`; a request that would overflow `burst` is refused (503 QUERY_LIMIT_EXCEEDED), so clients'
 * back-off logic behaves as on Bitrix24. A batch counts as one request. `perSecond` 0 turns it off.
 */
export class LeakyBucket {
  readonly #levels = new Map<number, { level: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {}

  take(key: number, now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    const entry = this.#levels.get(key) ?? { level: 0, at: now };
    const level = Math.max(0, entry.level - ((now - entry.at) / 1000) * this.perSecond);
    if (level + 1 > this.burst) {
      this.#levels.set(key, { level, at: now });
      return false;
    }
    this.#levels.set(key, { level: level + 1, at: now });
    return true;
  }
}
