import type { ApiActivity } from '../../../modules/activities/activity.fields.js';
import type { ApiRecord } from '../../../modules/records/descriptor.js';
import { dateTimeIn, idIn, intIn, isPlainObject, listIn, str, yn } from '../values.js';
import type { B24Field, Input } from './types.js';

/**
 * crm.activity.* fields over our activities. TYPE_ID: 1 meeting, 2 call, 4 e-mail; our tasks are
 * Bitrix24's to-dos (TYPE_ID 6, PROVIDER_ID CRM_TODO), and TYPE_ID 3 is read as a task too.
 * OWNER_TYPE_ID: 1 lead, 2 deal, 3 contact, 4 company. STATUS: 1 waiting, 2 completed, 3 cancelled.
 */
export const OWNER_TYPE: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4 };
export const OWNER_OF_TYPE: Record<string, string> = {
  '1': 'lead',
  '2': 'deal',
  '3': 'contact',
  '4': 'company',
};
const TYPE_OUT: Record<string, [string, string, string]> = {
  meeting: ['1', 'CRM_MEETING', 'MEETING'],
  call: ['2', 'VOXIMPLANT_CALL', 'CALL'],
  email: ['4', 'CRM_EMAIL', 'EMAIL'],
  task: ['6', 'CRM_TODO', 'TODO'],
};
const TYPE_IN: Record<string, string> = {
  '1': 'meeting',
  '2': 'call',
  '3': 'task',
  '4': 'email',
  '6': 'task',
};
const PRIORITY_OUT: Record<string, string> = { low: '1', normal: '2', high: '3' };
const PRIORITY_IN: Record<string, string> = { '1': 'low', '2': 'normal', '3': 'high' };
const STATUS_OUT: Record<string, string> = { planned: '1', done: '2', cancelled: '3' };
const STATUS_IN: Record<string, string> = { '1': 'planned', '2': 'done', '3': 'cancelled' };

const act = (rec: ApiRecord) => rec as unknown as ApiActivity;

/** NOTIFY_TYPE (1 minutes, 2 hours, 3 days) and NOTIFY_VALUE ↔ minutes before. */
function notifyOut(minutes: number | null): [string, string] {
  if (minutes === null) return ['0', '0'];
  if (minutes > 0 && minutes % 1440 === 0) return ['3', String(minutes / 1440)];
  if (minutes > 0 && minutes % 60 === 0) return ['2', String(minutes / 60)];
  return ['1', String(minutes)];
}

function communications(a: ApiActivity) {
  if (!a.commValue) return [];
  return [
    {
      ID: String(a.id),
      ACTIVITY_ID: String(a.id),
      ENTITY_ID: String(a.ownerId),
      ENTITY_TYPE_ID: String(OWNER_TYPE[a.ownerEntity] ?? 0),
      TYPE: a.commType === 'email' ? 'EMAIL' : 'PHONE',
      VALUE: a.commValue,
    },
  ];
}

const enumFilter = (table: Record<string, string>) => (v: unknown) => table[String(v).toUpperCase()];

export const activityFields: B24Field[] = [
  { name: 'ID', type: 'integer', title: 'ID', api: 'id', readOnly: true },
  { name: 'OWNER_ID', type: 'integer', title: 'Owner ID', api: 'ownerId', required: true, immutable: true },
  {
    name: 'OWNER_TYPE_ID',
    type: 'crm_enum_ownertype',
    title: 'Owner type',
    api: 'ownerEntity',
    required: true,
    immutable: true,
    read: (rec) => str(OWNER_TYPE[act(rec).ownerEntity]),
    filterValue: enumFilter(OWNER_OF_TYPE),
  },
  {
    name: 'TYPE_ID',
    type: 'crm_enum_activitytype',
    title: 'Type',
    api: 'type',
    required: true,
    read: (rec) => TYPE_OUT[act(rec).type]?.[0] ?? '0',
    filterValue: enumFilter(TYPE_IN),
  },
  {
    name: 'PROVIDER_ID',
    type: 'string',
    title: 'Provider',
    readOnly: true,
    read: (rec) => TYPE_OUT[act(rec).type]?.[1] ?? null,
  },
  {
    name: 'PROVIDER_TYPE_ID',
    type: 'string',
    title: 'Provider type',
    readOnly: true,
    read: (rec) => TYPE_OUT[act(rec).type]?.[2] ?? null,
  },
  { name: 'SUBJECT', type: 'string', title: 'Subject', api: 'subject', required: true },
  { name: 'START_TIME', type: 'datetime', title: 'Start time', api: 'startAt' },
  { name: 'END_TIME', type: 'datetime', title: 'End time', api: 'endAt' },
  { name: 'DEADLINE', type: 'datetime', title: 'Deadline', api: 'dueAt' },
  {
    name: 'COMPLETED',
    type: 'char',
    title: 'Completed',
    api: 'status',
    read: (rec) => yn(act(rec).status !== 'planned'),
    filterValue: (v) => (String(v).toUpperCase() === 'Y' ? 'done' : 'planned'),
  },
  {
    name: 'STATUS',
    type: 'crm_enum_activitystatus',
    title: 'Status',
    api: 'status',
    read: (rec) => STATUS_OUT[act(rec).status] ?? '1',
    filterValue: enumFilter(STATUS_IN),
  },
  { name: 'RESPONSIBLE_ID', type: 'user', title: 'Responsible', api: 'responsibleId', required: true },
  {
    name: 'PRIORITY',
    type: 'crm_enum_activitypriority',
    title: 'Priority',
    api: 'priority',
    read: (rec) => PRIORITY_OUT[act(rec).priority] ?? '2',
    filterValue: enumFilter(PRIORITY_IN),
  },
  {
    name: 'NOTIFY_TYPE',
    type: 'crm_enum_activitynotifytype',
    title: 'Notification type',
    read: (rec) => notifyOut(act(rec).remindBeforeMinutes)[0],
  },
  {
    name: 'NOTIFY_VALUE',
    type: 'integer',
    title: 'Notification value',
    read: (rec) => notifyOut(act(rec).remindBeforeMinutes)[1],
  },
  { name: 'DESCRIPTION', type: 'string', title: 'Description', api: 'description' },
  {
    name: 'DESCRIPTION_TYPE',
    type: 'crm_enum_activitytype',
    title: 'Description type',
    readOnly: true,
    read: () => '1',
  },
  {
    name: 'DIRECTION',
    type: 'crm_enum_activitydirection',
    title: 'Direction',
    readOnly: true,
    read: () => '0',
  },
  { name: 'LOCATION', type: 'string', title: 'Location', readOnly: true, read: () => '' },
  { name: 'CREATED', type: 'datetime', title: 'Created', api: 'createdAt', readOnly: true },
  { name: 'AUTHOR_ID', type: 'user', title: 'Created by', api: 'createdBy', readOnly: true },
  { name: 'LAST_UPDATED', type: 'datetime', title: 'Modified', api: 'updatedAt', readOnly: true },
  { name: 'EDITOR_ID', type: 'user', title: 'Modified by', api: 'updatedBy', readOnly: true },
  { name: 'RESULT_TEXT', type: 'string', title: 'Result', api: 'result', inStar: false },
  { name: 'SETTINGS', type: 'string', title: 'Settings', readOnly: true, read: () => [] },
  { name: 'PROVIDER_PARAMS', type: 'string', title: 'Provider parameters', readOnly: true, read: () => [] },
  {
    name: 'COMMUNICATIONS',
    type: 'crm_activity_communication',
    title: 'Communications',
    multiple: true,
    inStar: false,
    read: (rec) => communications(act(rec)),
  },
  {
    name: 'BINDINGS',
    type: 'crm_activity_binding',
    title: 'Bindings',
    multiple: true,
    readOnly: true,
    inStar: false,
    read: (rec) => [
      { OWNER_ID: String(act(rec).ownerId), OWNER_TYPE_ID: String(OWNER_TYPE[act(rec).ownerEntity] ?? 0) },
    ],
  },
];

/** `fields` of crm.activity.add / update → our activity input. */
export function activityInput(fields: unknown, existing: ApiActivity | null): Input {
  if (!isPlainObject(fields)) return {};
  const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toUpperCase(), v]));
  const input: Input = {};
  const has = (k: string) => f[k] !== undefined;
  if (!existing) {
    if (has('OWNER_ID')) input.ownerId = idIn(f.OWNER_ID) ?? f.OWNER_ID;
    if (has('OWNER_TYPE_ID')) input.ownerEntity = OWNER_OF_TYPE[String(f.OWNER_TYPE_ID)] ?? f.OWNER_TYPE_ID;
  }
  const type = has('TYPE_ID') ? (TYPE_IN[String(f.TYPE_ID)] ?? f.TYPE_ID) : undefined;
  if (type !== undefined) input.type = type;
  if (has('SUBJECT')) input.subject = f.SUBJECT === null ? f.SUBJECT : String(f.SUBJECT);
  if (has('DESCRIPTION')) input.description = f.DESCRIPTION === '' ? null : str(f.DESCRIPTION);
  const timed = ['call', 'meeting'].includes(String(type ?? existing?.type ?? 'task'));
  if (has('START_TIME')) input.startAt = dateTimeIn(f.START_TIME);
  if (has('END_TIME')) input.endAt = dateTimeIn(f.END_TIME);
  if (has('DEADLINE')) {
    if (timed && !has('START_TIME')) input.startAt = dateTimeIn(f.DEADLINE);
    else if (!timed) input.deadline = dateTimeIn(f.DEADLINE);
  } else if (!timed && !existing && has('END_TIME')) input.deadline = dateTimeIn(f.END_TIME);
  if (has('RESPONSIBLE_ID')) input.responsibleId = idIn(f.RESPONSIBLE_ID) ?? f.RESPONSIBLE_ID;
  if (has('PRIORITY')) input.priority = PRIORITY_IN[String(f.PRIORITY)] ?? f.PRIORITY;
  if (existing) {
    if (has('STATUS')) input.status = STATUS_IN[String(f.STATUS)] ?? f.STATUS;
    else if (has('COMPLETED')) input.status = String(f.COMPLETED).toUpperCase() === 'Y' ? 'done' : 'planned';
    if (has('RESULT_TEXT')) input.result = str(f.RESULT_TEXT);
  }
  if (has('NOTIFY_TYPE') || has('NOTIFY_VALUE')) {
    const unit = { '1': 1, '2': 60, '3': 1440 }[String(f.NOTIFY_TYPE ?? '1')] ?? 0;
    const value = intIn(f.NOTIFY_VALUE ?? 0) ?? 0;
    input.remindBeforeMinutes = unit && value > 0 ? value * unit : null;
  }
  if (has('COMMUNICATIONS')) {
    const first = listIn(f.COMMUNICATIONS).find(isPlainObject) as Record<string, unknown> | undefined;
    const value = first?.VALUE === undefined || first.VALUE === '' ? null : String(first.VALUE);
    input.commValue = value;
    input.commType =
      value === null
        ? null
        : String(first?.TYPE ?? '').toUpperCase() === 'EMAIL' || value.includes('@')
          ? 'email'
          : 'phone';
  }
  return input;
}
