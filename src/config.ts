import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_REACTIONS, parseReactionSet, type ReactionDef } from './reactions/reaction-set.js';

/** Typed configuration, read once from the environment and validated at start. */
export interface Config {
  /** TCP port the HTTP server listens on. */
  port: number;
  /** Interface to bind; 127.0.0.1 by default so a laptop never exposes the demo. */
  host: string;
  /** Folder for the embedded SQLite database and media files. */
  dataDir: string;
  /** postgres://... switches storage to PostgreSQL; undefined means embedded SQLite. */
  databaseUrl: string | undefined;
  /** redis://... shares cache purges between processes (used by the cache folder). */
  redisUrl: string | undefined;
  /** pino level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Absolute origin used in feeds, canonical URLs and JSON-LD, without trailing slash. */
  publicUrl: string;
  /** Secret for signing reader cookies; generated per data dir when unset. */
  cookieSecret: string | undefined;
  /** Seed the demo content into an empty database on start. */
  seedDemo: boolean;
  /**
   * Bearer token for staff-only pages and API (moderation, knowledge-base overrides) until the
   * newsroom's staff accounts exist. Unset: those routes answer 401 to everyone.
   */
  adminToken: string | undefined;
  /** Reactions offered under stories and the per-IP vote caps (src/reactions/). */
  reactions: {
    set: ReactionDef[];
    limits: { readersPerArticlePerIpPerHour: number; votesPerIpPerMinute: number };
  };
  /** Megabytes of rendered pages kept in memory (0 turns the page cache off). */
  pageCacheMb: number;
  /**
   * SQLite's page cache in megabytes (the embedded database only). better-sqlite3 builds SQLite
   * with 16 MB; the operating system caches the file too, so a few megabytes keep the hot pages
   * (indexes, the newest rows) at a fraction of the resident memory.
   */
  sqliteCacheMb: number;
  /** SMTP_URL and MAIL_FROM: staff password-reset links go out by email when set (src/newsroom/auth/mailer.ts). */
  mail: { smtpUrl: string; from: string } | undefined;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy). Off by default: otherwise any
   * client could claim any IP and step around the per-IP rate limits and vote caps.
   */
  trustProxy: boolean | number | string;
  /** FEED_FULL_TEXT: whole stories in RSS/Atom feeds instead of summaries. */
  feedFullText: boolean;
}

const urlWithScheme = (schemes: string[]) =>
  z.string().refine((value) => {
    try {
      return schemes.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${schemes.map((s) => `${s}//`).join(' or ')}`);

const schema = z.object({
  PORT: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(65535, 'must be between 0 and 65535').default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: urlWithScheme(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: urlWithScheme(['redis:', 'rediss:']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: urlWithScheme(['http:', 'https:']).optional(),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SEED_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  TRUST_PROXY: z.string().regex(/^(true|false|1|0|\d{1,2}|[0-9a-fA-F.:/,\s]+)$/, 'must be true, false, a hop count, or a comma-separated list of proxy addresses').optional(),
  FEED_FULL_TEXT: z.enum(['0', '1', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0 (true/false, yes/no)' }).optional(),
  SQLITE_CACHE_MB: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(4096, 'must be at most 4096').default(4),
  PAGE_CACHE_MB: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0).max(4096, 'must be at most 4096').default(64),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SMTP_URL: urlWithScheme(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().max(200).regex(/^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an email address, optionally with a name: "Onset <newsroom@example.com>"').optional(),
  REACTIONS: z.string().optional().superRefine((value, c) => {
    if (value === undefined) return;
    try {
      parseReactionSet(value);
    } catch (err) {
      c.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }),
  REACTIONS_IP_CAP: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(20),
  REACTIONS_IP_RATE: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(120),
});

/** Thrown for a bad environment; `message` is the one line shown to the operator. */
export class ConfigError extends Error {}

// Secrets and URLs that may hold a password are never echoed back: a start-up error ends up in logs.
function describeValue(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (name === 'COOKIE_SECRET' || name === 'ADMIN_TOKEN') return '';
  if (name.endsWith('_URL')) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
    return scheme ? ` (got a ${scheme}: URL)` : ' (got a value that is not a URL)';
  }
  return ` (got ${JSON.stringify(value)})`;
}

function trustProxyFrom(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable is treated as unset, as shells and .env files often leave them so.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got = describeValue(name, cleaned[name]);
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${got}`);
  }
  const e = parsed.data;
  const port = e.PORT;
  return {
    port,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${port}`).replace(/\/+$/, ''),
    cookieSecret: e.COOKIE_SECRET,
    seedDemo: e.SEED_DEMO === '1' || e.SEED_DEMO === 'true',
    adminToken: e.ADMIN_TOKEN,
    pageCacheMb: e.PAGE_CACHE_MB,
    sqliteCacheMb: e.SQLITE_CACHE_MB,
    trustProxy: trustProxyFrom(e.TRUST_PROXY),
    feedFullText: e.FEED_FULL_TEXT === '1' || e.FEED_FULL_TEXT === 'true' || e.FEED_FULL_TEXT === 'yes',
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? `Onset newsroom <newsroom@${new URL(e.PUBLIC_URL ?? 'http://localhost').hostname}>` } : undefined,
    reactions: {
      set: e.REACTIONS ? parseReactionSet(e.REACTIONS) : [...DEFAULT_REACTIONS],
      limits: { readersPerArticlePerIpPerHour: e.REACTIONS_IP_CAP, votesPerIpPerMinute: e.REACTIONS_IP_RATE },
    },
  };
}
