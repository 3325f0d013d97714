/** Table types of the daily work: activities, comments, notifications (merged into DB in schema.ts). */
import type { Generated } from 'kysely';

type Id = Generated<number>;

export interface CommentsTable {
  id: Id;
  owner_entity: string;
  owner_id: number;
  body: string;
  author_id: number;
  edited: number;
  created_at: string;
  updated_at: string;
}

export interface CommentMentionsTable {
  comment_id: number;
  user_id: number;
}

export interface NotificationsTable {
  id: Id;
  user_id: number;
  kind: string;
  record_entity: string;
  record_id: number;
  activity_id: number | null;
  comment_id: number | null;
  actor_id: number | null;
  title: string;
  data: string | null;
  created_at: string;
  read_at: string | null;
}

export interface ActivitiesTable {
  id: Id;
  version: number;
  type: string;
  subject: string;
  description: string | null;
  start_at: string | null;
  end_at: string | null;
  due_at: string;
  responsible_id: number;
  priority: string;
  status: string;
  result: string | null;
  completed_at: string | null;
  owner_entity: string;
  owner_id: number;
  /** The owner record's responsible, kept current: activity rights follow the record's. */
  owner_responsible_id: number;
  comm_type: string | null;
  comm_value: string | null;
  remind_before_minutes: number | null;
  remind_at: string | null;
  reminded_at: string | null;
  overdue_notified_at: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ActivityParticipantsTable {
  activity_id: number;
  user_id: number;
}

export interface CalendarFeedsTable {
  id: Id;
  user_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface WorkTables {
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  notifications: NotificationsTable;
  activities: ActivitiesTable;
  activity_participants: ActivityParticipantsTable;
  calendar_feeds: CalendarFeedsTable;
}
