// Housekeeping: ended sessions and dead reset links are deleted, and a person merged into
// another leaves a 301 from the removed person's page to the kept one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import type { fixedClock } from '../lib/clock.js';
import { makeStaff, signInAs, type Session } from './newsroom.test-support.js';
import { createResetToken, RESET_LINK_MINUTES, SESSION_HOURS } from './auth/accounts.service.js';

describeEachDatabase('newsroom housekeeping', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let staff: Awaited<ReturnType<typeof makeStaff>>;
  before(async () => {
    ({ app, clock } = await buildSeededApp(getDb()));
    staff = await makeStaff(getDb(), clock);
  });
  after(() => app.close());
  const rows = async (table: 'staff_sessions' | 'password_resets') => Number((await getDb().kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('ended sessions and expired or used reset links are deleted at the next sign-in', async () => {
    const deps = { db: getDb().kysely, clock };
    await createResetToken({ email: staff.writer }, deps);
    const used = await createResetToken({ email: staff.moderator }, deps);
    assert.equal((await app.inject({ method: 'POST', url: `/newsroom/reset/${used}`, payload: { password: 'another fine passphrase' } })).statusCode, 303);
    await signInAs(app, staff.writer);
    await signInAs(app, staff.moderator, 'another fine passphrase');
    // That sign-in swept the used link already; make another that will expire unused.
    await createResetToken({ email: staff.moderator }, deps);
    assert.equal(await rows('staff_sessions'), 2);
    assert.equal(await rows('password_resets'), 2);
    clock.advance(Math.max(SESSION_HOURS * 60, RESET_LINK_MINUTES) * 60_000 + 1000);
    const fresh: Session = await signInAs(app, staff.editor);
    assert.equal(await rows('staff_sessions'), 1, 'only the new session is left');
    assert.equal(await rows('password_resets'), 0);
    assert.equal((await app.inject({ url: '/newsroom', headers: { cookie: fresh.cookie } })).statusCode, 200);
  });

  test('a merged person\'s page answers 301 to the kept person, also after a second merge', async () => {
    const db = getDb().kysely;
    const editor = await signInAs(app, staff.editor);
    const now = clock().toISOString();
    const person = (slug: string, name: string) => db.insertInto('people').values({ slug, display_name: name, family_name: name.split(' ')[0]!, given_name: name.split(' ').slice(1).join(' '), hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio: '', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const a = await person('kim-da-mi-dup', 'Kim Da Mi Dup');
    const b = await person('kim-da-mi-two', 'Kim Da Mi Two');
    const keep = await db.selectFrom('people').select(['id', 'slug']).where('slug', '=', 'song-kang').executeTakeFirstOrThrow();
    assert.equal((await app.inject('/people/kim-da-mi-dup')).statusCode, 200); // now in the page cache
    const merge = (fromId: number, intoId: number) => app.inject({ method: 'POST', url: '/newsroom/people/merge', headers: { cookie: editor.cookie }, payload: { fromId, intoId, _csrf: editor.csrf } });
    assert.equal((await merge(a.id, b.id)).statusCode, 303);
    const moved = await app.inject('/people/kim-da-mi-dup');
    assert.equal(moved.statusCode, 301);
    assert.equal(moved.headers.location, '/people/kim-da-mi-two');
    assert.equal((await merge(b.id, keep.id)).statusCode, 303);
    for (const old of ['kim-da-mi-dup', 'kim-da-mi-two']) {
      const res = await app.inject(`/people/${old}`);
      assert.equal(res.statusCode, 301, old);
      assert.equal(res.headers.location, '/people/song-kang', `${old} leads to the kept person in one hop`);
    }
    assert.equal((await app.inject('/people/nobody-at-all')).statusCode, 404);
  });
});
