import type { Logger } from 'pino';
import type { Db } from './db/connection.js';
import type { Clock } from './lib/clock.js';
import type { NameIndex } from './catalog/names.js';
import type { Site } from './web/site.js';
import type { ReactionsRuntime } from './reactions/reactions.runtime.js';

/** What the HTTP edge hands to routes: the open database, the clock and the site. */
export interface AppContext {
  db: Db;
  clock: Clock;
  site: Site;
  log: Logger;
  /** Staff token (see Config.adminToken); undefined closes staff routes. */
  adminToken: string | undefined;
  /** The knowledge base's name index, built on first use and rebuilt after catalog changes. */
  names: { get(): Promise<NameIndex>; invalidate(): void };
  /** Reaction set, vote caps and their store (src/reactions/). */
  reactions: ReactionsRuntime;
}
