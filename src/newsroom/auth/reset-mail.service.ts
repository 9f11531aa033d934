// Password reset by email: a one-time link, mailed to the account's own address. The answer to
// the person asking is the same whether or not the address has an account (no way to probe for
// staff addresses), and an account gets only a few links an hour (no mail bombing).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { createResetToken, RESET_LINK_MINUTES } from './accounts.service.js';
import type { Mailer } from './mailer.js';

export const MAX_RESET_MAILS_PER_HOUR = 3;

/** A reset mail ready to send, or why there is none. */
export type ResetMail = { outcome: 'no-account' | 'throttled' } | { outcome: 'ready'; message: { to: string; subject: string; text: string } };

/**
 * Makes the one-time link and the mail that carries it (database work only, so the caller can
 * answer at once and send after).
 */
export async function prepareResetMail(input: { email: string }, deps: { db: Kysely<Database>; clock: Clock; publicUrl: string; siteName: string }): Promise<ResetMail> {
  const email = input.email.trim().toLowerCase();
  const user = await deps.db.selectFrom('staff_users').select(['id', 'name']).where('email', '=', email).where('disabled', '=', 0).executeTakeFirst();
  if (!user) return { outcome: 'no-account' };
  const hourAgo = new Date(deps.clock().getTime() - 3_600_000).toISOString();
  const recent = await deps.db.selectFrom('password_resets').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', user.id).where('created_at', '>', hourAgo).executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_RESET_MAILS_PER_HOUR) return { outcome: 'throttled' };
  const token = await createResetToken({ email }, deps);
  const text = [
    `Hello ${user.name},`,
    '',
    `Someone (we hope you) asked to reset the password of your ${deps.siteName} newsroom account.`,
    `Open this link within ${RESET_LINK_MINUTES} minutes to choose a new one. It works once:`,
    '',
    `${deps.publicUrl}/newsroom/reset/${token}`,
    '',
    'If you did not ask, ignore this mail: your password stays as it is.',
  ].join('\n');
  return { outcome: 'ready', message: { to: email, subject: `${deps.siteName} newsroom: choose a new password`, text } };
}

export async function sendResetMail(mail: ResetMail, mailer: Mailer): Promise<void> {
  if (mail.outcome === 'ready') await mailer.send(mail.message);
}
