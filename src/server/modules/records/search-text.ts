import { phoneSearchTokens } from '../../../shared/phone.js';
import type { CommItem } from './communications.js';
import type { ApiRecord } from './descriptor.js';

/** Words under which a record's communications are found: emails whole and split, phones in digit forms. */
export function commsText(record: ApiRecord, region: string): string {
  const parts: string[] = [];
  for (const e of (record.emails as CommItem[] | undefined) ?? [])
    parts.push(e.value, e.value.replace(/[@.]/g, ' '));
  for (const p of (record.phones as CommItem[] | undefined) ?? [])
    parts.push(...phoneSearchTokens(p.value, region));
  for (const w of (record.websites as CommItem[] | undefined) ?? [])
    parts.push(w.value.replace(/^https?:\/\//, ''));
  for (const m of (record.messengers as CommItem[] | undefined) ?? []) parts.push(m.value);
  return parts.join(' ');
}

export const joinText = (...parts: unknown[]) => parts.filter((p) => typeof p === 'string' && p).join(' ');
