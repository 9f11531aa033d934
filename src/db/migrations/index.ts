import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_also_see_overrides.js';
import * as m0003 from './0003_mention_reports.js';
import * as m0004 from './0004_reactions.js';
import * as m0005 from './0005_comments.js';
import * as m0006 from './0006_schedule_specials.js';
import * as m0007 from './0007_media.js';
import * as m0008 from './0008_newsroom.js';
import * as m0009 from './0009_search.js';
import * as m0010 from './0010_comment_duplicates.js';
import * as m0011 from './0011_hot_indexes.js';
import * as m0012 from './0012_person_redirects.js';

/** Every migration, in order. Names sort by their number; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_also_see_overrides': m0002,
  '0003_mention_reports': m0003,
  '0004_reactions': m0004,
  '0005_comments': m0005,
  '0006_schedule_specials': m0006,
  '0007_media': m0007,
  '0008_newsroom': m0008,
  '0009_search': m0009,
  '0010_comment_duplicates': m0010,
  '0011_hot_indexes': m0011,
  '0012_person_redirects': m0012,
};
