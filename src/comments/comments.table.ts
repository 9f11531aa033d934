import type { Generated, Insertable, Selectable } from 'kysely';

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const REPORT_REASONS = ['spam', 'abusive', 'spoiler', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  /** The comment this one replies to; null at the top level. */
  parent_id: number | null;
  /** 1 at the top level, parent + 1 for a reply. */
  depth: number;
  author_name: string;
  /** Lowercased; for moderation only, never shown; null once erased. */
  author_email: string | null;
  author_url: string | null;
  /** For moderation and rate limits only, never shown. */
  author_ip: string | null;
  user_agent: string | null;
  /** Keyed hash (HMAC) of the email, hex: seeds the identicon. */
  avatar_key: string;
  /** Plain text as typed; formatted on output. */
  body: string;
  /** Keyed hash of (email, body): unique per article, so a duplicate cannot slip in; null once trashed or erased. */
  duplicate_key: string | null;
  status: CommentStatus;
  /** Why it has that status, for moderators ("contains 3 links"). */
  status_reason: string | null;
  /** 1 pins it above the thread as an Editor's pick. */
  editor_pick: Generated<number>;
  /** 1 when written by staff (shows a badge). */
  is_staff: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface CommentSettingTable {
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
}

export interface CommentReportTable {
  id: Generated<number>;
  comment_id: number;
  reason: ReportReason;
  note: Generated<string>;
  created_at: string;
  resolved_at: string | null;
}

export interface CommentModerationLogTable {
  id: Generated<number>;
  comment_id: number;
  /** posted, approve, spam, trash, restore, edit, pick, unpick, report, erase. */
  action: string;
  from_status: string | null;
  to_status: string | null;
  /** "pipeline", "staff", "reader", "cli". */
  actor: string;
  reason: Generated<string>;
  created_at: string;
}

export type CommentRow = Selectable<CommentTable>;
export type NewComment = Insertable<CommentTable>;
