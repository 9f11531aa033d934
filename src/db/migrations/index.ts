import type { Migration } from 'kysely';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_also_see_overrides.js';
import * as m0003 from './0003_mention_reports.js';
import * as m0004 from './0004_reactions.js';
import * as m0005 from './0005_comments.js';
import * as m0006 from './0006_schedule_specials.js';

/** Every migration, in order. Names sort by their number; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_also_see_overrides': m0002,
  '0003_mention_reports': m0003,
  '0004_reactions': m0004,
  '0005_comments': m0005,
  '0006_schedule_specials': m0006,
};
