/**
 * Exact money. Amounts travel through the API as decimal strings ("1234.50") and are stored as
 * integer hundredths of the currency unit (BIGINT). Binary floats never touch an amount.
 */
export const MONEY_SCALE = 2;
const MONEY_RE = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Parses "1234.5" / "1234.50" / 1234.5 into hundredths; returns null when the input is not an exact amount. */
export function parseMoney(input: string | number): bigint | null {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  if (text === null) return null;
  const m = MONEY_RE.exec(text);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const minor = BigInt(whole as string) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign ? -minor : minor;
}

function numberToPlainString(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  // JSON numbers like 19999.99 are exact enough at two decimals; anything needing more is rejected by the regex.
  const s = String(n);
  return /e/i.test(s) ? null : s;
}

/** Formats hundredths as a plain decimal string with two places: 123450n → "1234.50". */
export function formatMoney(minor: bigint | number): string {
  const v = typeof minor === 'bigint' ? minor : BigInt(minor);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${whole}.${frac}`;
}

/** Rounds a rational amount num/den (both bigint) half away from zero to an integer. */
export function divRound(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  const neg = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const q = (a * 2n + b) / (b * 2n);
  return neg ? -q : q;
}

const QTY_RE = /^(\d{1,12})(?:\.(\d{1,3}))?$/;
/** Quantities are stored in thousandths ("1.5" → 1500) so fractional units (kg, hours) stay exact. */
export function parseQuantity(input: string | number): bigint | null {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  if (text === null) return null;
  const m = QTY_RE.exec(text);
  if (!m) return null;
  return BigInt(m[1] as string) * 1000n + BigInt((m[2] ?? '').padEnd(3, '0'));
}

export function formatQuantity(milli: bigint | number): string {
  const v = typeof milli === 'bigint' ? milli : BigInt(milli);
  const whole = v / 1000n;
  const frac = (v % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

const RATE_RE = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
/** Percentages (VAT, discount) are stored in basis points ("20" → 2000, "7.5" → 750). */
export function parseRate(input: string | number): number | null {
  const text = typeof input === 'number' ? numberToPlainString(input) : input.trim();
  if (text === null) return null;
  const m = RATE_RE.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

export function formatRate(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}
