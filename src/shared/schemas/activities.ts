import { z } from 'zod';
import { id, isoDateTime, longText, requiredText } from './common.js';
import { versionField } from './records.js';

/** Input schemas of activities (calls, meetings, emails, tasks on a CRM record), shared with the web forms. */
export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
/** Calls and meetings happen at a time (their start is when they are due); emails and tasks have a deadline. */
export const TIMED_TYPES: readonly ActivityType[] = ['call', 'meeting'];
export const ACTIVITY_PRIORITIES = ['low', 'normal', 'high'] as const;
export const ACTIVITY_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_OWNERS = ['lead', 'contact', 'company', 'deal'] as const;
export type ActivityOwner = (typeof ACTIVITY_OWNERS)[number];
export const COMM_TYPES = ['phone', 'email'] as const;

/** At most a week before. */
export const MAX_REMIND_MINUTES = 10_080;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** Fields a create or a change may carry; which time fields are required depends on the type. */
const editable = {
  type: enumOf(ACTIVITY_TYPES),
  subject: requiredText(255),
  description: longText(),
  /** When a call or meeting starts (it is due then); optional time block of an email or task. */
  startAt: isoDateTime.nullable().optional(),
  endAt: isoDateTime.nullable().optional(),
  /** When an email or task is due. */
  deadline: isoDateTime.nullable().optional(),
  responsibleId: id.optional(),
  participantIds: z.array(id).max(50, 'must list at most 50 users').optional(),
  priority: enumOf(ACTIVITY_PRIORITIES).optional(),
  commType: enumOf(COMM_TYPES).nullable().optional(),
  commValue: z.string().trim().min(1, 'is required').max(254).nullable().optional(),
  remindBeforeMinutes: z
    .number({ error: 'must be a number of minutes' })
    .int('must be a whole number of minutes')
    .min(0, 'must not be negative')
    .max(MAX_REMIND_MINUTES, `must be at most ${MAX_REMIND_MINUTES} (a week)`)
    .nullable()
    .optional(),
};

export const activityCreate = z.strictObject({
  ...editable,
  ownerEntity: enumOf(ACTIVITY_OWNERS),
  ownerId: id,
});
export type ActivityCreateInput = z.output<typeof activityCreate>;

/** A change: any editable field, the status and result, and the version it was based on. The owner stays. */
export const activityUpdate = z.strictObject({
  ...editable,
  type: editable.type.optional(),
  subject: editable.subject.optional(),
  status: enumOf(ACTIVITY_STATUSES).optional(),
  result: longText(),
  ...versionField,
});
export type ActivityUpdateInput = z.output<typeof activityUpdate>;

export const activityComplete = z.strictObject({ result: longText(), ...versionField });
export const activityReopen = z.strictObject({ ...versionField });
