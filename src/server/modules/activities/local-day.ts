/**
 * Day boundaries in a user's time zone (IANA name), computed with Intl so that days of 23 or 25 hours
 * (daylight-saving changes) and zones whose midnight is skipped come out right. No date library needed.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** A usable zone: the given one when Intl knows it, else UTC. */
export function validTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out as unknown as LocalParts;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const sameDay = (p: LocalParts, y: number, m: number, d: number) =>
  p.year === y && p.month === m && p.day === d;

/** The first instant of the local calendar day y-m-d (local midnight, or the end of a gap that skips it). */
function startOfLocalDay(y: number, m: number, d: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d);
  const candidates = new Set<number>();
  for (const probe of [wall - 14 * 3600_000, wall, wall + 14 * 3600_000]) {
    candidates.add(wall - offsetAt(probe, timeZone));
  }
  const onDay = [...candidates]
    .filter((c) => sameDay(localParts(c, timeZone), y, m, d))
    .sort((a, b) => a - b);
  if (onDay.length) return onDay[0] as number;
  // Midnight falls in a gap: the day starts when the clocks jump, the first on-day instant after 00:00 UTC-wall.
  let t = Math.min(...candidates);
  while (!sameDay(localParts(t, timeZone), y, m, d)) t += 15 * 60_000;
  return t;
}

/** The local day that contains `now`, as [start, end) instants in UTC ISO strings. */
export function localDay(now: Date, timeZone: string): { start: string; end: string; date: string } {
  const zone = validTimeZone(timeZone);
  const p = localParts(now.getTime(), zone);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  const start = startOfLocalDay(p.year, p.month, p.day, zone);
  const end = startOfLocalDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
  };
}
