// One sign-in page for people (/newsroom/login); the admin token stays for API clients as a
// Bearer token; moderation forms used with a session carry that session's CSRF token.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import type { Db } from '../db/connection.js';
import { buildApp } from '../app.js';
import { makeStaff, signInAs, type Session } from '../newsroom/newsroom.test-support.js';

const TOKEN = 'staff-token-for-tests-0001';
let db: Db;
let app: FastifyInstance;
let moderator: Session;
let writer: Session;
before(async () => {
  db = await openTestDb('sqlite');
  const seeded = await buildSeededApp(db);
  await seeded.app.close();
  app = await buildApp({ db, publicUrl: 'http://onset.test', cookieSecret: 'x'.repeat(40), adminToken: TOKEN, clock: seeded.clock });
  const staff = await makeStaff(db, seeded.clock);
  moderator = await signInAs(app, staff.moderator);
  writer = await signInAs(app, staff.writer);
});
after(async () => {
  await app.close();
  await db.close();
});

test('/moderation/login sends people to the newsroom sign-in, and back to where they were going', async () => {
  const res = await app.inject('/moderation/login?next=%2Fmoderation%2Freactions');
  assert.equal(res.statusCode, 301);
  assert.equal(res.headers.location, '/newsroom/login?next=%2Fmoderation%2Freactions');
  assert.equal((await app.inject('/moderation/login?next=https%3A%2F%2Fevil.example%2F')).headers.location, '/newsroom/login?next=%2Fmoderation%2Fcomments', 'no open redirect');
  const denied = await app.inject('/moderation/comments');
  assert.equal(denied.statusCode, 303, 'a stranger is sent to sign in');
  assert.equal(denied.headers.location, '/newsroom/login?next=%2Fmoderation%2Fcomments');
  const login = await app.inject(String(denied.headers.location));
  assert.match(login.body, /name="next" value="\/moderation\/comments"/);
  assert.equal((await app.inject({ method: 'POST', url: '/moderation/login', payload: { token: TOKEN } })).statusCode, 404, 'the token form is gone');
});

test('API clients use the admin token as a Bearer token; a session of a non-moderating role gets 403', async () => {
  assert.equal((await app.inject('/api/v1/moderation/comments/settings')).statusCode, 401);
  assert.equal((await app.inject({ url: '/api/v1/moderation/comments/settings', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode, 200);
  assert.equal((await app.inject({ url: '/api/v1/moderation/comments/settings', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode, 401);
  assert.equal((await app.inject({ url: '/moderation/comments', headers: { cookie: writer.cookie } })).statusCode, 403);
  assert.equal((await app.inject({ url: '/moderation/comments', headers: { cookie: `onset_staff=${TOKEN}` } })).statusCode, 303, 'the old token cookie opens nothing');
});

test('moderation forms used with a session carry its CSRF token, and a post without it is refused', async () => {
  for (const url of ['/moderation/comments', '/moderation/comments/settings', '/moderation/reactions']) {
    const page = await app.inject({ url, headers: { cookie: moderator.cookie } });
    assert.equal(page.statusCode, 200, url);
    const forms = page.body.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
    for (const form of forms.filter((f) => f.includes('action="/moderation/'))) assert.ok(form.includes(`name="_csrf" value="${moderator.csrf}"`), `${url}: ${form.slice(0, 120)}`);
  }
  const before = (await app.inject({ url: '/api/v1/moderation/comments/settings', headers: { authorization: `Bearer ${TOKEN}` } })).json() as { closeAfterDays: unknown };
  const formBody = (csrf?: string) => ({ ...(csrf ? { _csrf: csrf } : {}), closeAfterDays: '3' });
  const missing = await app.inject({ method: 'POST', url: '/moderation/comments/settings', headers: { cookie: moderator.cookie }, payload: formBody() });
  assert.equal(missing.statusCode, 403);
  const wrong = await app.inject({ method: 'POST', url: '/moderation/reactions/reset', headers: { cookie: moderator.cookie }, payload: { slug: 'nevertheless', _csrf: writer.csrf } });
  assert.equal(wrong.statusCode, 403);
  const json = await app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: { cookie: moderator.cookie }, payload: {} });
  assert.equal(json.statusCode, 403, 'the JSON API with a session needs the x-csrf-token header');
  assert.deepEqual((await app.inject({ url: '/api/v1/moderation/comments/settings', headers: { authorization: `Bearer ${TOKEN}` } })).json(), before, 'nothing changed');
  const ok = await app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: { cookie: moderator.cookie, 'x-csrf-token': moderator.csrf }, payload: {} });
  assert.equal(ok.statusCode, 200);
  const reset = await app.inject({ method: 'POST', url: '/moderation/reactions/reset', headers: { cookie: moderator.cookie }, payload: { slug: 'nevertheless-supporting-cast-steals-scenes', _csrf: moderator.csrf } });
  assert.equal(reset.statusCode, 303, 'the form with its token works');
  const bearer = await app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: { authorization: `Bearer ${TOKEN}` }, payload: {} });
  assert.equal(bearer.statusCode, 200, 'a Bearer token needs no CSRF token');
});
