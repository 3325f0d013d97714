import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Normalises a phone number written in any form ("+7 (916) 123-45-67", "8 916 1234567") to E.164
 * ("+79161234567") so search and duplicate checks match however it was typed. Numbers that cannot be
 * parsed fall back to their digits, so they still match themselves.
 */
export function normalizePhone(raw: string, defaultRegion: string): string {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion.toUpperCase() as CountryCode);
  if (parsed?.isPossible()) return parsed.number;
  const digits = raw.replace(/\D+/g, '');
  return raw.trim().startsWith('+') ? `+${digits}` : digits;
}

/** Digit strings under which a phone is findable: the full international digits and the national number. */
export function phoneSearchTokens(raw: string, defaultRegion: string): string[] {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion.toUpperCase() as CountryCode);
  const tokens = new Set<string>();
  if (parsed?.isPossible()) {
    tokens.add(parsed.number.replace(/\D+/g, ''));
    tokens.add(String(parsed.nationalNumber));
  }
  const digits = raw.replace(/\D+/g, '');
  if (digits) tokens.add(digits);
  return [...tokens];
}

/** True when the text reads like a phone number rather than a name (mostly digits and separators). */
export function looksLikePhone(text: string): boolean {
  const digits = text.replace(/\D+/g, '');
  return digits.length >= 5 && /^[\d\s()+\-.]+$/.test(text.trim());
}
