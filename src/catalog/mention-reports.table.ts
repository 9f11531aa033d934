import type { Generated, Selectable } from 'kysely';

/** A name in an article that fits several entities, kept for an editor to settle. */
export interface MentionReportTable {
  id: Generated<number>;
  article_id: number;
  /** The name as written, whitespace collapsed. */
  surface: string;
  /** JSON array of `{ type, id }`: every entity the name fits. */
  candidates: string;
  /** `type:id` the editor chose; null while open. */
  settled_ref: string | null;
  created_at: string;
  settled_at: string | null;
}

export type MentionReportRow = Selectable<MentionReportTable>;
