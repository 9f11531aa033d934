// `onset user add --role <role> <email>` and `onset user reset-link <email>`: staff accounts from
// the command line, where the first admin comes from when there is no mail server.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../../lib/errors.js';
import { countStaffUsers, createResetToken, createStaffUser } from './accounts.service.js';

export const USER_USAGE = 'Usage: onset user add --role admin|editor|writer|moderator [--name "Name"] [--password-stdin] <email>\n       onset user reset-link <email>\n';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Runs a `user` subcommand; returns the exit code. Output goes to the given writers. */
export async function runUserCommand(
  args: { action: string | undefined; email: string | undefined; role?: string | undefined; name?: string | undefined; passwordStdin?: boolean | undefined },
  deps: { db: Kysely<Database>; clock: Clock; publicUrl: string; out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  try {
    if (args.action === 'add' && args.email && args.role) {
      const password = args.passwordStdin ? await readStdin() : undefined;
      const user = await createStaffUser({ email: args.email, role: args.role, name: args.name, password }, deps);
      deps.out(`Created ${args.role} ${user.email}.\n`);
      if (user.generated) deps.out(`Password (shown once): ${user.password}\n`);
      return 0;
    }
    if (args.action === 'reset-link' && args.email) {
      const token = await createResetToken({ email: args.email }, deps);
      deps.out(`One-time link, valid for an hour: ${deps.publicUrl}/newsroom/reset/${token}\n`);
      return 0;
    }
  } catch (error) {
    if (error instanceof DomainError) {
      deps.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  deps.err(USER_USAGE);
  return 2;
}

/**
 * On first start with no staff account, makes an admin with a random password and returns it so
 * the operator sees it once; never a fixed default password.
 */
export async function ensureFirstAdmin(deps: { db: Kysely<Database>; clock: Clock }): Promise<{ email: string; password: string } | undefined> {
  if ((await countStaffUsers(deps.db)) > 0) return undefined;
  const user = await createStaffUser({ email: 'admin@onset.local', role: 'admin', name: 'Admin' }, deps);
  return { email: user.email, password: user.password };
}
