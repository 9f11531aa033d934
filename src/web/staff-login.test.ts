import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../app.js';
import { openTestDb } from '../../test/helpers/db.js';
import type { Db } from '../db/connection.js';
import type { FastifyInstance } from 'fastify';

const TOKEN = 'staff-token-for-tests-0001';
let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb('sqlite');
  app = await buildApp({ db, publicUrl: 'http://onset.test', cookieSecret: 'x'.repeat(40), adminToken: TOKEN });
});
after(async () => {
  await app.close();
  await db.close();
});

test('a wrong token is refused and sets no cookie', async () => {
  const res = await app.inject({ method: 'POST', url: '/moderation/login', payload: { token: 'nope', next: '/moderation/comments' } });
  assert.equal(res.statusCode, 401);
  assert.match(res.body, /That token is not right/);
  assert.equal(res.headers['set-cookie'], undefined);
});

test('the right token opens the moderation pages through an httpOnly cookie', async () => {
  const denied = await app.inject('/moderation/comments');
  assert.equal(denied.statusCode, 303, 'a stranger is sent to sign in');
  assert.equal(denied.headers.location, '/moderation/login?next=%2Fmoderation%2Fcomments');
  const api = await app.inject('/api/v1/moderation/comments/settings');
  assert.equal(api.statusCode, 401);
  const res = await app.inject({ method: 'POST', url: '/moderation/login', payload: { token: TOKEN, next: '/moderation/comments' } });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/moderation/comments');
  const setCookie = String(res.headers['set-cookie']);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  const cookie = setCookie.split(';')[0]!;
  const page = await app.inject({ url: '/moderation/comments', headers: { cookie } });
  assert.equal(page.statusCode, 200);
});

test('no open redirect after sign-in, and cross-site posts are refused', async () => {
  const res = await app.inject({ method: 'POST', url: '/moderation/login', payload: { token: TOKEN, next: 'https://evil.example/' } });
  assert.equal(res.headers.location, '/moderation/comments');
  const cross = await app.inject({ method: 'POST', url: '/moderation/login', headers: { origin: 'https://evil.example' }, payload: { token: TOKEN } });
  assert.equal(cross.statusCode, 403);
});
