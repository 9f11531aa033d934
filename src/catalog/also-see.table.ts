import type { Generated, Selectable } from 'kysely';

export const ALSO_SEE_ACTIONS = ['pin', 'hide'] as const;
export type AlsoSeeAction = (typeof ALSO_SEE_ACTIONS)[number];

/** An editor's decision about one entry (a person in a drama) of an article's "Also see" box. */
export interface AlsoSeeOverrideTable {
  id: Generated<number>;
  article_id: number;
  person_id: number;
  drama_id: number;
  /** pin: always shown, ahead of computed entries; hide: never shown. */
  action: AlsoSeeAction;
  /** Place among the pins, 1 first; 0 for hides. */
  position: number;
  created_at: string;
}

export type AlsoSeeOverrideRow = Selectable<AlsoSeeOverrideTable>;
