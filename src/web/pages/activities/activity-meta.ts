import { IconChecklist, IconMail, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import type { ActivityPriority, ActivityType } from '../../api/activities';

/** Kinds of activity in the order the forms and filters offer them (the API's order). */
export const TYPES: readonly ActivityType[] = ['call', 'meeting', 'email', 'task'];
export const PRIORITIES: readonly ActivityPriority[] = ['low', 'normal', 'high'];
/** Calls and meetings happen at a time (they start then); emails and tasks have a deadline. */
export const isTimed = (type: ActivityType) => type === 'call' || type === 'meeting';

export const TYPE_ICON: Record<ActivityType, typeof IconPhone> = {
  call: IconPhone,
  meeting: IconUsersGroup,
  email: IconMail,
  task: IconChecklist,
};

export const TYPE_COLOR: Record<ActivityType, string> = {
  call: 'teal',
  meeting: 'grape',
  email: 'blue',
  task: 'orange',
};

export const PRIORITY_COLOR: Record<ActivityPriority, string> = { low: 'gray', normal: 'blue', high: 'red' };

/** Reminder choices, in minutes before the activity is due. */
export const REMINDERS = [15, 60, 1440] as const;
/** Meeting lengths offered, in minutes. */
export const DURATIONS = [15, 30, 45, 60, 90, 120, 180] as const;
