import type { Generated, Selectable } from 'kysely';
import type { Role } from './permissions.js';

export interface StaffUserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  /** argon2id PHC string. */
  password_hash: string;
  /** Byline the user writes under. */
  author_id: number | null;
  disabled: Generated<number>;
  created_at: string;
}

export interface StaffSessionTable {
  /** sha256 (hex) of the cookie value. */
  token_hash: string;
  user_id: number;
  /** Sent back in every form and state-changing request of this session. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  /** 'email:<address>' or 'ip:<address>'. */
  key: string;
  /** Failed sign-ins in the current window. */
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ArticleOwnerTable {
  article_id: number;
  staff_user_id: number;
}

export interface ArticleSlugHistoryTable {
  old_slug: string;
  article_id: number;
  changed_at: string;
}

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  staff_user_id: number | null;
  /** JSON of ArticleSnapshot. */
  snapshot: string;
  autosave: Generated<number>;
  created_at: string;
}

export interface EditorialLogTable {
  id: Generated<number>;
  staff_user_id: number | null;
  /** Who, as shown: the user's email, or 'cli' / 'token'. */
  actor: string;
  /** e.g. 'article.publish', 'person.merge'. */
  action: string;
  target_type: string;
  target_id: number;
  /** JSON of what changed. */
  detail: string;
  created_at: string;
}

/** The page of a person merged into another: /people/<old_slug> redirects to the kept person. */
export interface PersonRedirectTable {
  old_slug: string;
  person_id: number;
  created_at: string;
}

export type StaffUserRow = Selectable<StaffUserTable>;
