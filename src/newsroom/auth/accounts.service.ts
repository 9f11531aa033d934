// Staff accounts: create, sign in (with throttling and lockout), sessions, password resets.
// Services take (input, deps) and know nothing of HTTP.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { ROLES, type Role } from '../permissions.js';
import { dummyPasswordHash, generatePassword, hashPassword, MIN_PASSWORD_LENGTH, randomToken, sha256, verifyPassword } from './password.js';

type Deps = { db: Kysely<Database>; clock: Clock };

/** Failed sign-ins allowed per account in one window before the account is locked for a while. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per IP address: higher, since an office shares one address. */
export const MAX_FAILURES_PER_IP = 20;
export const THROTTLE_WINDOW_MINUTES = 15;
export const LOCKOUT_MINUTES = 15;
export const SESSION_HOURS = 12;
export const RESET_LINK_MINUTES = 60;

/** The signed-in user a request acts as. */
export interface StaffPrincipal {
  id: number;
  email: string;
  name: string;
  role: Role;
  authorId: number | null;
  csrfToken: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export async function createStaffUser(
  input: { email: string; role: string; name?: string | undefined; password?: string | undefined },
  deps: Deps,
): Promise<{ id: number; email: string; password: string; generated: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 200) throw new DomainError('email must be an email address', 400, 'email');
  if (!(ROLES as readonly string[]).includes(input.role)) throw new DomainError(`role must be one of ${ROLES.join(', ')}`, 400, 'role');
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new DomainError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`, 400, 'password');
  const exists = await deps.db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
  if (exists) throw new DomainError(`a staff account for ${email} already exists`, 409, 'email');
  const name = input.name?.trim() || email.split('@')[0]!;
  const now = deps.clock().toISOString();
  const passwordHash = await hashPassword(password);
  const id = await deps.db.transaction().execute(async (trx) => {
    // Each account writes under a byline of its own; an existing author of that name is reused.
    const authorSlug = slugify(name) || `staff-${Date.now()}`;
    const author = await trx.selectFrom('authors').select('id').where('slug', '=', authorSlug).executeTakeFirst();
    const authorId = author?.id ?? (await trx.insertInto('authors').values({ slug: authorSlug, name, bio: '', created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    const row = await trx
      .insertInto('staff_users')
      .values({ email, name, role: input.role as Role, password_hash: passwordHash, author_id: authorId, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('editorial_log').values({ staff_user_id: null, actor: 'system', action: 'staff.create', target_type: 'staff', target_id: row.id, detail: JSON.stringify({ email, role: input.role }), created_at: now }).execute();
    return row.id;
  });
  return { id, email, password, generated };
}

export async function countStaffUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('staff_users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Thrown while an account or address is locked out; HTTP answers 429. */
export class LockedOutError extends Error {
  readonly statusCode = 429;
  constructor(readonly until: string) {
    super(`Too many failed sign-ins. Try again after ${until.slice(11, 16)} UTC.`);
  }
}

async function lockedUntil(db: Kysely<Database>, keys: string[], now: string): Promise<string | null> {
  const rows = await db.selectFrom('login_throttle').select('locked_until').where('key', 'in', keys).where('locked_until', '>', now).execute();
  return rows.map((r) => r.locked_until!).sort().at(-1) ?? null;
}

async function recordFailure(db: Kysely<Database>, key: string, limit: number, nowDate: Date): Promise<void> {
  const now = nowDate.toISOString();
  const windowStart = new Date(nowDate.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  const row = await db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  const inWindow = row && row.window_started_at > windowStart;
  const failures = inWindow ? row.failures + 1 : 1;
  const locked = failures >= limit ? new Date(nowDate.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
  const values = { failures: locked ? 0 : failures, window_started_at: inWindow ? row.window_started_at : now, locked_until: locked };
  await db.insertInto('login_throttle').values({ key, ...values }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
}

/**
 * Checks email and password. Refuses while the account or the address is locked out, counts the
 * failures, and opens a server-side session on success. Returns the cookie value to set.
 */
export async function signIn(input: { email: string; password: string; ip: string }, deps: Deps): Promise<{ token: string; user: StaffPrincipal }> {
  const nowDate = deps.clock();
  const now = nowDate.toISOString();
  const email = input.email.trim().toLowerCase();
  const keys = [`email:${email}`, `ip:${input.ip}`];
  const until = await lockedUntil(deps.db, keys, now);
  if (until) throw new LockedOutError(until);
  const user = await deps.db.selectFrom('staff_users').selectAll().where('email', '=', email).where('disabled', '=', 0).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailure(deps.db, keys[0]!, MAX_FAILURES_PER_ACCOUNT, nowDate);
    await recordFailure(deps.db, keys[1]!, MAX_FAILURES_PER_IP, nowDate);
    throw new DomainError('That email and password do not match a staff account.', 400);
  }
  await deps.db.deleteFrom('login_throttle').where('key', '=', keys[0]!).execute();
  await sweepExpiredCredentials(deps.db, now);
  const token = randomToken();
  const csrfToken = randomToken();
  await deps.db
    .insertInto('staff_sessions')
    .values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: new Date(nowDate.getTime() + SESSION_HOURS * 3_600_000).toISOString() })
    .execute();
  return { token, user: { id: user.id, email: user.email, name: user.name, role: user.role, authorId: user.author_id, csrfToken } };
}

/**
 * Deletes what can no longer open anything: ended sessions, reset links that expired or were
 * used, and throttle windows long past with no lockout. Run on each sign-in, so the tables stay
 * the size of the live staff, with no timer to keep.
 */
export async function sweepExpiredCredentials(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
  await db.deleteFrom('password_resets').where((eb) => eb.or([eb('expires_at', '<=', now), eb('used_at', 'is not', null)])).execute();
  const stale = new Date(Date.parse(now) - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  await db.deleteFrom('login_throttle').where('window_started_at', '<=', stale).where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)])).execute();
}

/** The user of a live session, or undefined. */
export async function findSession(token: string, deps: Deps): Promise<StaffPrincipal | undefined> {
  const row = await deps.db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .select(['staff_users.id', 'staff_users.email', 'staff_users.name', 'staff_users.role', 'staff_users.author_id', 'staff_sessions.csrf_token'])
    .where('staff_sessions.token_hash', '=', sha256(token))
    .where('staff_sessions.expires_at', '>', deps.clock().toISOString())
    .where('staff_users.disabled', '=', 0)
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, name: row.name, role: row.role, authorId: row.author_id, csrfToken: row.csrf_token };
}

export async function signOut(token: string, deps: Pick<Deps, 'db'>): Promise<void> {
  await deps.db.deleteFrom('staff_sessions').where('token_hash', '=', sha256(token)).execute();
}

/** A one-time reset token for the account (printed by the CLI as a link). */
export async function createResetToken(input: { email: string }, deps: Deps): Promise<string> {
  const user = await deps.db.selectFrom('staff_users').select('id').where('email', '=', input.email.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw new DomainError(`no staff account has the email ${input.email}`, 404, 'email');
  const token = randomToken();
  const now = deps.clock();
  await deps.db
    .insertInto('password_resets')
    .values({ token_hash: sha256(token), user_id: user.id, created_at: now.toISOString(), expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(), used_at: null })
    .execute();
  return token;
}

/** Sets a new password with a reset token, once; every session of the account ends. */
export async function resetPassword(input: { token: string; password: string }, deps: Deps): Promise<void> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new DomainError(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`, 400, 'password');
  const now = deps.clock().toISOString();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (trx) => {
    const reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', sha256(input.token)).executeTakeFirst();
    if (!reset || reset.used_at || reset.expires_at <= now) throw new DomainError('This reset link is not valid any more. Ask an admin for a new one.', 400, 'token');
    const used = await trx.updateTable('password_resets').set({ used_at: now }).where('token_hash', '=', reset.token_hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new DomainError('This reset link is not valid any more. Ask an admin for a new one.', 400, 'token');
    await trx.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', reset.user_id).execute();
    await trx.deleteFrom('staff_sessions').where('user_id', '=', reset.user_id).execute();
    await trx.deleteFrom('login_throttle').where('key', 'like', 'email:%').where('key', '=', `email:${(await trx.selectFrom('staff_users').select('email').where('id', '=', reset.user_id).executeTakeFirstOrThrow()).email}`).execute();
    await trx.insertInto('editorial_log').values({ staff_user_id: reset.user_id, actor: 'reset-link', action: 'staff.password-reset', target_type: 'staff', target_id: reset.user_id, detail: '', created_at: now }).execute();
  });
}
