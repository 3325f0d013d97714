/**
 * Wall clocks of IANA time zones, with Intl only (no date library): the server's day boundaries for
 * counters and the web's date-time inputs both stand on these. Days of 23 or 25 hours (daylight-saving
 * changes) and zones whose midnight is skipped come out right.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
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
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-03-01T10:30:00.000Z" in "Asia/Yerevan" → "2025-03-01T14:30"; "" for anything unreadable. */
export function isoToLocalInput(iso: unknown, timeZone: string): string {
  if (typeof iso !== 'string' || !iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2025-03-01T14:30" read as a wall-clock time in `timeZone` → the UTC instant as ISO; null if unreadable. */
export function localInputToIso(local: string, timeZone: string): string | null {
  const m = LOCAL_RE.exec(local.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const asUtc = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
  if (Number.isNaN(asUtc)) return null;
  // The offset depends on the instant; one correction covers a DST change between the guess and the answer.
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return new Date(second).toISOString();
}

const sameDay = (w: WallClock, y: number, m: number, d: number) =>
  w.year === y && w.month === m && w.day === d;

/** The first instant of the local calendar day y-m-d (local midnight, or the end of a gap that skips it). */
function startOfLocalDay(y: number, m: number, d: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d);
  const candidates = new Set<number>();
  for (const probe of [wall - 14 * 3600_000, wall, wall + 14 * 3600_000]) {
    candidates.add(wall - offsetAt(probe, timeZone));
  }
  const onDay = [...candidates].filter((c) => sameDay(wallClock(c, timeZone), y, m, d)).sort((a, b) => a - b);
  if (onDay.length) return onDay[0] as number;
  // Midnight falls in a gap: the day starts when the clocks jump, the first on-day instant after 00:00 UTC-wall.
  let t = Math.min(...candidates);
  while (!sameDay(wallClock(t, timeZone), y, m, d)) t += 15 * 60_000;
  return t;
}

/** The local day that contains `now`, as [start, end) instants in UTC ISO strings. */
export function localDay(now: Date, timeZone: string): { start: string; end: string; date: string } {
  const zone = validTimeZone(timeZone);
  const p = wallClock(now.getTime(), zone);
  const next = new Date(Date.UTC(p.year, p.month - 1, p.day + 1));
  const start = startOfLocalDay(p.year, p.month, p.day, zone);
  const end = startOfLocalDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), zone);
  return {
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
  };
}
