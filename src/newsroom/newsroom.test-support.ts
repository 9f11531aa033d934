// Helpers for newsroom tests: staff accounts of each role and signed-in requests through inject.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.js';
import type { Clock } from '../lib/clock.js';
import { createStaffUser } from './auth/accounts.service.js';
import type { Role } from './permissions.js';

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the real form: fetches the page for its login token, then posts it. */
export async function signInAs(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const form = await app.inject('/newsroom/login');
  const loginCookie = String(form.headers['set-cookie']).split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const res = await app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: loginCookie }, payload: { email, password, _csrf: csrf } });
  if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const page = await app.inject({ url: '/newsroom', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  return { cookie, csrf: token };
}

export async function makeStaff(db: Db, clock: Clock): Promise<Record<Role, string>> {
  const out = {} as Record<Role, string>;
  for (const role of ['admin', 'editor', 'writer', 'moderator'] as const) {
    const email = `${role}@onset.test`;
    await createStaffUser({ email, role, name: `Test ${role}`, password: PASSWORD }, { db: db.kysely, clock });
    out[role] = email;
  }
  return out;
}
