import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';
import type { ActivityRow } from './activity.fields.js';
import { OWNER_TABLE } from './activity.repository.js';

/**
 * Activities as an iCalendar (RFC 5545) document for phone and desktop calendar apps. Times are UTC; an
 * event lasts from its start to its end, or half an hour from when it is due. The event's SEQUENCE is the
 * activity's version, so apps replace an event that changed.
 */
export interface FeedEvent {
  row: ActivityRow;
  ownerTitle: string | null;
}

type Words = {
  types: Record<string, string>;
  owners: Record<string, string>;
  result: string;
  calendar: string;
};

// The feed is read by calendar apps, not the web app: its few words are kept here in the user's language.
const WORDS: Record<string, Words> = {
  en: {
    types: { call: 'Call', meeting: 'Meeting', email: 'Email', task: 'Task' },
    owners: { lead: 'Lead', contact: 'Contact', company: 'Company', deal: 'Deal' },
    result: 'Result',
    calendar: 'Sevan CRM',
  },
  ru: {
    types: { call: 'Звонок', meeting: 'Встреча', email: 'Письмо', task: 'Задача' },
    owners: { lead: 'Лид', contact: 'Контакт', company: 'Компания', deal: 'Сделка' },
    result: 'Результат',
    calendar: 'Sevan CRM',
  },
  hy: {
    types: { call: 'Զանգ', meeting: 'Հանդիպում', email: 'Նամակ', task: 'Առաջադրանք' },
    owners: { lead: 'Լիդ', contact: 'Կոնտակտ', company: 'Ընկերություն', deal: 'Գործարք' },
    result: 'Արդյունք',
    calendar: 'Sevan CRM',
  },
};

const DEFAULT_MINUTES = 30;

export function renderFeed(
  events: FeedEvent[],
  opts: { locale: string; baseUrl: string; userName: string; now: Date },
): string {
  const words = WORDS[opts.locale] ?? (WORDS.en as Words);
  const host = new URL(opts.baseUrl).hostname || 'sevan';
  const cal = ical({
    name: `${words.calendar}: ${opts.userName}`,
    prodId: { company: 'Sevan', product: 'Sevan CRM', language: opts.locale.toUpperCase() },
    ttl: 15 * 60,
  });
  const seen = new Set<number>();
  for (const { row, ownerTitle } of events) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const start = new Date(row.start_at ?? row.due_at);
    const end = row.end_at ? new Date(row.end_at) : new Date(start.getTime() + DEFAULT_MINUTES * 60_000);
    const url = `${opts.baseUrl}/${OWNER_TABLE[row.owner_entity as keyof typeof OWNER_TABLE] ?? ''}/${row.owner_id}`;
    const owner = `${words.owners[row.owner_entity] ?? row.owner_entity}: ${ownerTitle ?? `#${row.owner_id}`}`;
    const description = [
      row.description,
      owner,
      row.comm_value,
      row.result ? `${words.result}: ${row.result}` : null,
      url,
    ].filter(Boolean);
    const event = cal.createEvent({
      id: `activity-${row.id}@${host}`,
      sequence: row.version,
      start,
      end,
      stamp: opts.now,
      created: new Date(row.created_at),
      lastModified: new Date(row.updated_at),
      summary: `${row.status === 'done' ? '✓ ' : ''}${words.types[row.type] ?? row.type}: ${row.subject}`,
      description: description.join('\n'),
      url,
      status: row.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      priority: row.priority === 'high' ? 1 : row.priority === 'low' ? 9 : 5,
    });
    if (row.status === 'planned' && row.remind_before_minutes !== null) {
      event.createAlarm({ type: ICalAlarmType.display, triggerBefore: row.remind_before_minutes * 60 });
    }
  }
  return cal.toString();
}
