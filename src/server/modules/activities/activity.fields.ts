import type { Selectable } from 'kysely';
import { type ActivityType, TIMED_TYPES } from '../../../shared/schemas/activities.js';
import type { ActivitiesTable } from '../../db/schema.js';
import type { FieldDef } from '../../query/fields.js';

export type ActivityRow = Selectable<ActivitiesTable>;

/**
 * The activity fields the shared list engine filters and sorts on (the same filter language as records).
 * Example: {"responsibleId":7,"status":"planned","dueAt":{"lt":"2026-12-01T00:00:00Z"}}.
 */
export const ACTIVITY_FIELDS: FieldDef[] = [
  { name: 'id', column: 'id', type: 'id', nullable: false },
  { name: 'version', column: 'version', type: 'integer', nullable: false, sortable: false },
  { name: 'type', column: 'type', type: 'enum', nullable: false },
  { name: 'subject', column: 'subject', type: 'string', nullable: false },
  { name: 'description', column: 'description', type: 'text', nullable: true, sortable: false },
  { name: 'startAt', column: 'start_at', type: 'datetime', nullable: true },
  { name: 'endAt', column: 'end_at', type: 'datetime', nullable: true },
  { name: 'dueAt', column: 'due_at', type: 'datetime', nullable: false },
  { name: 'responsibleId', column: 'responsible_id', type: 'ref', nullable: false },
  { name: 'priority', column: 'priority', type: 'enum', nullable: false },
  { name: 'status', column: 'status', type: 'enum', nullable: false },
  { name: 'result', column: 'result', type: 'text', nullable: true, sortable: false },
  { name: 'completedAt', column: 'completed_at', type: 'datetime', nullable: true },
  { name: 'ownerEntity', column: 'owner_entity', type: 'enum', nullable: false },
  { name: 'ownerId', column: 'owner_id', type: 'ref', nullable: false },
  { name: 'commType', column: 'comm_type', type: 'enum', nullable: true },
  { name: 'commValue', column: 'comm_value', type: 'string', nullable: true },
  { name: 'remindBeforeMinutes', column: 'remind_before_minutes', type: 'integer', nullable: true },
  { name: 'remindAt', column: 'remind_at', type: 'datetime', nullable: true },
  { name: 'createdBy', column: 'created_by', type: 'ref', nullable: true },
  { name: 'updatedBy', column: 'updated_by', type: 'ref', nullable: true },
  { name: 'createdAt', column: 'created_at', type: 'datetime', nullable: false },
  { name: 'updatedAt', column: 'updated_at', type: 'datetime', nullable: false },
];

/** An activity as the API shows it. */
export interface ApiActivity {
  id: number;
  version: number;
  type: string;
  subject: string;
  description: string | null;
  startAt: string | null;
  endAt: string | null;
  /** Emails and tasks: when they are due (null for calls and meetings, which are due at their start). */
  deadline: string | null;
  /** When it is due, whatever the type: lists, counters and the calendar order by it. */
  dueAt: string;
  responsibleId: number;
  participantIds: number[];
  priority: string;
  status: string;
  result: string | null;
  completedAt: string | null;
  ownerEntity: string;
  ownerId: number;
  /** The owner record's title (a contact's name), so a list can say "Call · Deal: 20 laptops". */
  ownerTitle: string | null;
  commType: string | null;
  commValue: string | null;
  remindBeforeMinutes: number | null;
  remindAt: string | null;
  createdBy: number | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export const isTimed = (type: string) => TIMED_TYPES.includes(type as ActivityType);

export function presentActivity(
  row: ActivityRow,
  participantIds: number[],
  ownerTitle: string | null,
): ApiActivity {
  return {
    id: row.id,
    version: row.version,
    type: row.type,
    subject: row.subject,
    description: row.description,
    startAt: row.start_at,
    endAt: row.end_at,
    deadline: isTimed(row.type) ? null : row.due_at,
    dueAt: row.due_at,
    responsibleId: row.responsible_id,
    participantIds,
    priority: row.priority,
    status: row.status,
    result: row.result,
    completedAt: row.completed_at,
    ownerEntity: row.owner_entity,
    ownerId: row.owner_id,
    ownerTitle,
    commType: row.comm_type,
    commValue: row.comm_value,
    remindBeforeMinutes: row.remind_before_minutes,
    remindAt: row.remind_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
