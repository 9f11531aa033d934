import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Hard ceiling on thread depth, whatever the settings say: each level indents the reply, and
 * past 10 levels a reply on a 360 px phone is a column a few words wide. It also bounds the
 * recursive query.
 */
export const MAX_THREAD_DEPTH = 10;

/** Discussion settings: one place to change them (table comment_settings), WordPress-like defaults. */
export interface CommentSettings {
  /** Hold a commenter's comments until one from the same email has been approved. */
  holdFirstComment: boolean;
  /** Hold a comment with this many links or more (WordPress: 2). */
  holdAtLinks: number;
  /** Words (or fragments) that send a comment to the moderation queue. */
  moderationWords: string[];
  /** Words (or fragments) that send a comment to spam. */
  disallowedWords: string[];
  /** Hosts whose links send a comment to spam, e.g. "spam.example". */
  urlBlocklist: string[];
  /** Close comments this many days after publishing; 0 keeps them open. */
  closeAfterDays: number;
  /** Deepest reply level offered (1 = no replies); capped by MAX_THREAD_DEPTH. */
  threadDepth: number;
  /** Top-level comments per page. */
  perPage: number;
  /** A form submitted sooner than this after it was rendered is a bot's. */
  minSecondsToSubmit: number;
  /** Window of the rate limits, seconds. */
  rateWindowSeconds: number;
  /** Comments allowed from one IP per window. */
  maxPerIpPerWindow: number;
  /** Comments allowed from one email per window. */
  maxPerEmailPerWindow: number;
  /** Shortest and longest comment body, characters. */
  minLength: number;
  maxLength: number;
  /** Longest author name, characters. */
  maxNameLength: number;
}

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  holdFirstComment: true,
  holdAtLinks: 2,
  moderationWords: [],
  disallowedWords: [],
  urlBlocklist: [],
  closeAfterDays: 0,
  threadDepth: 5,
  perPage: 50,
  minSecondsToSubmit: 3,
  rateWindowSeconds: 60,
  maxPerIpPerWindow: 5,
  maxPerEmailPerWindow: 3,
  minLength: 2,
  maxLength: 5000,
  maxNameLength: 80,
};

type Q = Kysely<Database>;

/** The stored settings over the defaults; unknown keys and values of the wrong type are ignored. */
export async function loadCommentSettings(db: Q): Promise<CommentSettings> {
  const rows = await db.selectFrom('comment_settings').select(['key', 'value']).execute();
  const settings: CommentSettings = { ...DEFAULT_COMMENT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_COMMENT_SETTINGS)) continue;
    const key = row.key as keyof CommentSettings;
    let value: unknown;
    try {
      value = JSON.parse(row.value);
    } catch {
      continue;
    }
    if (Array.isArray(DEFAULT_COMMENT_SETTINGS[key]) ? Array.isArray(value) : typeof value === typeof DEFAULT_COMMENT_SETTINGS[key]) {
      (settings as unknown as Record<string, unknown>)[key] = value;
    }
  }
  settings.threadDepth = Math.max(1, Math.min(MAX_THREAD_DEPTH, Math.floor(settings.threadDepth)));
  settings.perPage = Math.max(1, Math.min(500, Math.floor(settings.perPage)));
  return settings;
}

/**
 * How long a process trusts the settings it read. Every comment post needs them, and they change
 * a few times a year: a save in this process applies to the very next post (the cache of that
 * database is dropped), a save by another process (`serve --workers`, the CLI) within this time.
 */
export const SETTINGS_CACHE_MS = 1_000;

const settingsCache = new WeakMap<Q, { settings: Promise<CommentSettings>; readAtMs: number; generation: number }>();
let generation = 0;

/**
 * The settings as loadCommentSettings reads them, read from storage at most once per
 * SETTINGS_CACHE_MS per database. For hot paths (a comment post); callers must not mutate the result.
 */
export function cachedCommentSettings(db: Q): Promise<CommentSettings> {
  const nowMs = Date.now();
  const entry = settingsCache.get(db);
  if (entry && entry.generation === generation && nowMs - entry.readAtMs < SETTINGS_CACHE_MS && entry.readAtMs <= nowMs) return entry.settings;
  const settings = loadCommentSettings(db);
  const fresh = { settings, readAtMs: nowMs, generation };
  settingsCache.set(db, fresh);
  // A failed read is not kept: the next call tries again.
  settings.catch(() => {
    if (settingsCache.get(db) === fresh) settingsCache.delete(db);
  });
  return settings;
}

/** Stores the given settings (others keep their value). */
export async function saveCommentSettings(db: Q, changes: Partial<CommentSettings>, now: string): Promise<CommentSettings> {
  try {
    return await writeCommentSettings(db, changes, now);
  } finally {
    // Dropped for every database of this process (a Kysely transaction is another object than
    // the Kysely it came from, and tests open several handles on one file), after the write, so a
    // read that started before it cannot put the old values back.
    generation++;
  }
}

async function writeCommentSettings(db: Q, changes: Partial<CommentSettings>, now: string): Promise<CommentSettings> {
  for (const [key, value] of Object.entries(changes)) {
    if (!(key in DEFAULT_COMMENT_SETTINGS) || value === undefined) continue;
    await db
      .insertInto('comment_settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
      .execute();
  }
  return loadCommentSettings(db);
}
