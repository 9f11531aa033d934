import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import type { fixedClock } from '../lib/clock.js';
import { makeStaff, signInAs, type Session } from './newsroom.test-support.js';
import { MAX_FAILURES_PER_ACCOUNT, LOCKOUT_MINUTES } from './auth/accounts.service.js';
import type { Role } from './permissions.js';

const story = (over: Record<string, unknown> = {}) => ({ headline: 'Han So Hee laughs through a rainy rehearsal', dek: 'A short clip from the set', kind: 'watch', slug: '', body: 'Han So Hee and Song Kang ran the scene again.', tags: 'Nevertheless, BTS', ...over });

describeEachDatabase('newsroom', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  const s = {} as Record<Role, Session>;
  before(async () => {
    ({ app, clock } = await buildSeededApp(getDb()));
    const staff = await makeStaff(getDb(), clock);
    for (const role of Object.keys(staff) as Role[]) s[role] = await signInAs(app, staff[role]);
  });
  after(() => app.close());

  const post = (who: Session | undefined, url: string, payload: Record<string, unknown>, withCsrf = true) =>
    app.inject({ method: 'POST', url, headers: who ? { cookie: who.cookie } : {}, payload: withCsrf && who ? { ...payload, _csrf: who.csrf } : payload });
  const count = async (table: 'articles' | 'editorial_log' | 'staff_users' | 'people') => Number((await getDb().kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('session cookie is httpOnly and SameSite=Lax, and the password is stored as argon2id', async () => {
    const form = await app.inject('/newsroom/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const res = await app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: String(form.headers['set-cookie']).split(';')[0]! }, payload: { email: 'writer@onset.test', password: 'correct horse battery staple', _csrf: csrf } });
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /onset_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const row = await getDb().kysely.selectFrom('staff_users').select('password_hash').where('email', '=', 'writer@onset.test').executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
  });

  test('permission matrix: every newsroom route as each role and as a stranger', async () => {
    const created = await post(s.writer, '/newsroom/articles', story({ headline: 'Writer draft for the matrix' }));
    assert.equal(created.statusCode, 303);
    const writerStory = Number(/\/newsroom\/articles\/(\d+)/.exec(created.headers.location as string)![1]);
    const editorStory = Number(/\/newsroom\/articles\/(\d+)/.exec((await post(s.editor, '/newsroom/articles', story({ headline: 'Editor draft for the matrix' }))).headers.location as string)![1]);
    const personId = (await getDb().kysely.selectFrom('people').select('id').where('slug', '=', 'han-so-hee').executeTakeFirstOrThrow()).id;
    const matrixDrama = Number(/dramas\/(\d+)/.exec(String((await post(s.editor, '/newsroom/dramas', { title: 'Matrix drama' })).headers.location))![1]);
    const network = (await getDb().kysely.selectFrom('networks').select('id').where('slug', '=', 'jtbc').executeTakeFirstOrThrow()).id;
    await post(s.editor, `/newsroom/dramas/${matrixDrama}/roles`, { personId: String(personId), characterName: 'Matrix role', billing: 'cameo' });
    const role = (await getDb().kysely.selectFrom('roles').select('id').where('drama_id', '=', matrixDrama).executeTakeFirstOrThrow()).id;
    type Body = Record<string, unknown> | ((who: Role) => Record<string, unknown>);
    type Row = { method: 'GET' | 'POST'; url: string; body?: Body; allowed: Role[] };
    const rows: Row[] = [
      { method: 'GET', url: '/newsroom', allowed: ['admin', 'editor', 'writer', 'moderator'] },
      { method: 'GET', url: '/newsroom/articles', allowed: ['admin', 'editor', 'writer'] },
      { method: 'GET', url: '/newsroom/articles/new', allowed: ['admin', 'editor', 'writer'] },
      { method: 'GET', url: `/newsroom/articles/${editorStory}`, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/articles/${editorStory}`, body: story({ headline: 'Editor draft for the matrix' }), allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/articles/${writerStory}`, body: story({ headline: 'Writer draft for the matrix', action: 'publish' }), allowed: ['admin', 'editor'] },
      { method: 'GET', url: `/newsroom/articles/${editorStory}/revisions`, allowed: ['admin', 'editor'] },
      { method: 'POST', url: '/newsroom/api/preview', body: { body: 'Hello' }, allowed: ['admin', 'editor', 'writer'] },
      { method: 'GET', url: '/newsroom/people', allowed: ['admin', 'editor'] },
      { method: 'GET', url: `/newsroom/people/${personId}`, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/people/${personId}`, body: { displayName: 'Han So Hee', hangulName: '한소희', aliases: '' }, allowed: ['admin', 'editor'] },
      { method: 'POST', url: '/newsroom/people/merge', body: { fromId: 999999, intoId: personId }, allowed: ['admin', 'editor'] },
      { method: 'GET', url: '/newsroom/dramas', allowed: ['admin', 'editor'] },
      { method: 'GET', url: '/newsroom/dramas/new', allowed: ['admin', 'editor'] },
      { method: 'POST', url: '/newsroom/dramas', body: (who) => ({ title: `Matrix drama by ${who}` }), allowed: ['admin', 'editor'] },
      { method: 'GET', url: `/newsroom/dramas/${matrixDrama}`, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/dramas/${matrixDrama}`, body: { title: 'Matrix drama', year: '2027' }, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/dramas/${matrixDrama}/schedule`, body: { slots: 'Mon 20:00' }, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/dramas/${matrixDrama}/roles`, body: (who) => ({ personId: String(personId), characterName: `Matrix role by ${who}`, billing: 'cameo' }), allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/dramas/${matrixDrama}/roles/${role}`, body: { personId: String(personId), characterName: 'Matrix role', billing: 'main' }, allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/dramas/${matrixDrama}/roles/${role}/delete`, body: {}, allowed: ['admin', 'editor'] },
      { method: 'GET', url: '/newsroom/networks', allowed: ['admin', 'editor'] },
      { method: 'POST', url: '/newsroom/networks', body: (who) => ({ name: `Matrix network ${who}`, timeZone: 'Asia/Seoul', country: 'KR' }), allowed: ['admin', 'editor'] },
      { method: 'POST', url: `/newsroom/networks/${network}`, body: { name: 'JTBC', timeZone: 'Asia/Seoul', country: 'KR' }, allowed: ['admin', 'editor'] },
      { method: 'GET', url: '/newsroom/staff', allowed: ['admin'] },
      { method: 'POST', url: '/newsroom/staff', body: { email: 'new-one@onset.test', role: 'writer' }, allowed: ['admin'] },
      { method: 'GET', url: '/moderation/comments', allowed: ['admin', 'editor', 'moderator'] },
    ];
    for (const row of rows) {
      for (const who of [undefined, 'writer', 'moderator', 'editor', 'admin'] as const) {
        const before = await Promise.all([count('articles'), count('editorial_log'), count('staff_users')]);
        const session = who ? s[who] : undefined;
        const body = typeof row.body === 'function' ? row.body(who ?? 'writer') : (row.body ?? {});
        const res = row.method === 'GET' ? await app.inject({ url: row.url, headers: session ? { cookie: session.cookie } : {} }) : await post(session, row.url, body);
        const label = `${row.method} ${row.url} as ${who ?? 'stranger'}`;
        if (!who) {
          assert.ok(row.method === 'GET' && !row.url.includes('/api/') ? res.statusCode === 303 && /\/(newsroom|moderation)\/login/.test(String(res.headers.location)) : res.statusCode === 401, `${label}: ${res.statusCode}`);
        } else if (row.allowed.includes(who)) {
          assert.ok(res.statusCode < 400 || res.statusCode === 404, `${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        } else {
          assert.equal(res.statusCode, 403, `${label}: ${res.statusCode}`);
        }
        assert.deepEqual(await Promise.all([count('articles'), count('editorial_log'), count('staff_users')]), before, `${label} changed nothing`);
      }
    }
  });

  test('a write without the CSRF token, or with a wrong one, is refused and stores nothing', async () => {
    const before = await count('articles');
    const missing = await post(s.editor, '/newsroom/articles', story({ headline: 'No token' }), false);
    assert.equal(missing.statusCode, 403);
    const wrong = await post(s.editor, '/newsroom/articles', { ...story({ headline: 'Wrong token' }), _csrf: s.writer.csrf }, false);
    assert.equal(wrong.statusCode, 403);
    const json = await app.inject({ method: 'POST', url: '/newsroom/api/preview', headers: { cookie: s.editor.cookie, 'x-csrf-token': 'nope' }, payload: { body: 'x' } });
    assert.equal(json.statusCode, 403);
    assert.equal(await count('articles'), before);
    const form = await app.inject('/newsroom/login');
    const login = await app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: String(form.headers['set-cookie']).split(';')[0]! }, payload: { email: 'admin@onset.test', password: 'correct horse battery staple' } });
    assert.equal(login.statusCode, 403, 'the sign-in form needs its token too');
  });

  test('repeated wrong passwords lock the account for a while, even for the right password', async () => {
    const form = await app.inject('/newsroom/login');
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const attempt = (password: string, ip = '10.0.0.1') => app.inject({ method: 'POST', url: '/newsroom/login', remoteAddress: ip, headers: { cookie }, payload: { email: 'moderator@onset.test', password, _csrf: csrf } });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) assert.equal((await attempt('wrong password')).statusCode, 401);
    const locked = await attempt('correct horse battery staple', '10.0.0.2');
    assert.equal(locked.statusCode, 429);
    assert.match(locked.body, /Too many failed sign-ins/);
    clock.advance((LOCKOUT_MINUTES + 1) * 60_000);
    assert.equal((await attempt('correct horse battery staple', '10.0.0.2')).statusCode, 303);
  });

  test('a scheduled story appears on the home page at its instant, not before', async () => {
    const publishAt = new Date(clock().getTime() + 2 * 3_600_000);
    const local = publishAt.toISOString().slice(0, 16); // in UTC
    const res = await post(s.editor, '/newsroom/articles', story({ headline: 'Scheduled scoop from the set', action: 'schedule', publishLocal: local, publishZone: 'UTC' }));
    assert.equal(res.statusCode, 303);
    const home = async () => (await app.inject('/')).body;
    assert.doesNotMatch(await home(), /Scheduled scoop from the set/);
    assert.equal((await app.inject('/articles/scheduled-scoop-from-the-set')).statusCode, 404);
    clock.set(new Date(publishAt.getTime() - 1000).toISOString());
    assert.doesNotMatch(await home(), /Scheduled scoop from the set/, 'one second early');
    clock.set(publishAt.toISOString());
    // The page cache keeps the front page a few seconds; past that it must show the story.
    clock.advance(30_000);
    assert.match(await home(), /Scheduled scoop from the set/);
    assert.equal((await app.inject('/articles/scheduled-scoop-from-the-set')).statusCode, 200);
  });

  test('a zone-local schedule time is stored in UTC', async () => {
    const res = await post(s.editor, '/newsroom/articles', story({ headline: 'Seoul evening story', action: 'schedule', publishLocal: '2027-03-01T23:00', publishZone: 'Asia/Seoul' }));
    const id = Number(/(\d+)/.exec(String(res.headers.location))![1]);
    const row = await getDb().kysely.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'scheduled');
    assert.equal(new Date(row.published_at!).toISOString(), '2027-03-01T14:00:00.000Z');
  });

  test('changing the slug of a published story redirects the old one with 301', async () => {
    const res = await post(s.editor, '/newsroom/articles', story({ headline: 'First slug story', action: 'publish' }));
    const id = Number(/(\d+)/.exec(String(res.headers.location))![1]);
    assert.equal((await app.inject('/articles/first-slug-story')).statusCode, 200);
    await post(s.editor, `/newsroom/articles/${id}`, story({ headline: 'First slug story', slug: 'better-slug-story' }));
    const old = await app.inject('/articles/first-slug-story');
    assert.equal(old.statusCode, 301);
    assert.equal(old.headers.location, '/articles/better-slug-story');
    assert.equal((await app.inject('/articles/better-slug-story')).statusCode, 200);
    const clash = await post(s.editor, '/newsroom/articles', story({ headline: 'First slug story' }));
    assert.equal(clash.statusCode, 409, 'an old slug that still redirects is not handed to another story');
  });

  test('revisions: each save is kept, the diff shows the change, restore brings the text back', async () => {
    const res = await post(s.writer, '/newsroom/articles', story({ headline: 'Revision story', body: 'The first version of the text.' }));
    const id = Number(/(\d+)/.exec(String(res.headers.location))![1]);
    await post(s.writer, `/newsroom/articles/${id}`, story({ headline: 'Revision story', body: 'A rewritten second version.' }));
    const revs = await getDb().kysely.selectFrom('article_revisions').select('id').where('article_id', '=', id).orderBy('id').execute();
    assert.equal(revs.length, 2);
    const diff = await app.inject({ url: `/newsroom/articles/${id}/revisions/${revs[0]!.id}`, headers: { cookie: s.writer.cookie } });
    assert.match(diff.body, /<del>The first version of the text\.<\/del>/);
    assert.match(diff.body, /<ins>A rewritten second version\.<\/ins>/);
    const restored = await post(s.writer, `/newsroom/articles/${id}/revisions/${revs[0]!.id}/restore`, {});
    assert.equal(restored.statusCode, 303);
    const row = await getDb().kysely.selectFrom('articles').select('body').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.body, 'The first version of the text.');
    const log = await getDb().kysely.selectFrom('editorial_log').select('action').where('target_type', '=', 'article').where('target_id', '=', id).execute();
    assert.equal(log.length, 3);
  });

  test('names are suggested, and only confirmed ones are linked on the public page', async () => {
    const han = await getDb().kysely.selectFrom('people').select('id').where('slug', '=', 'han-so-hee').executeTakeFirstOrThrow();
    const draft = await post(s.editor, '/newsroom/articles', story({ headline: 'Linking story', body: 'Han So Hee waved.' }));
    const id = Number(/(\d+)/.exec(String(draft.headers.location))![1]);
    const page = await app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: s.editor.cookie } });
    assert.match(page.body, new RegExp(`value="person:${han.id}"`));
    await post(s.editor, `/newsroom/articles/${id}`, story({ headline: 'Linking story', body: 'Han So Hee waved.', entities: [`person:${han.id}`, 'person:999999'], action: 'publish' }));
    const links = await getDb().kysely.selectFrom('article_people').select('person_id').where('article_id', '=', id).execute();
    assert.deepEqual(links.map((l) => l.person_id), [han.id], 'a person the text does not name is not linked');
    assert.match((await app.inject('/articles/linking-story')).body, /href="\/people\/han-so-hee"/);
  });

  test('a story written and published in the newsroom is found by search, and re-indexed on edit', async () => {
    const search = async (q: string) => (await app.inject(`/search?q=${encodeURIComponent(q)}`)).body;
    const draft = await post(s.editor, '/newsroom/articles', story({ headline: 'Lantern festival on the set', body: 'The crew hung a zephyrine lantern over the rooftop.' }));
    const id = Number(/(\d+)/.exec(String(draft.headers.location))![1]);
    assert.doesNotMatch(await search('zephyrine'), /lantern-festival-on-the-set/, 'a draft is not found');
    await post(s.editor, `/newsroom/articles/${id}`, story({ headline: 'Lantern festival on the set', body: 'The crew hung a zephyrine lantern over the rooftop.', action: 'publish' }));
    assert.match(await search('zephyrine'), /lantern-festival-on-the-set/);
    await post(s.editor, `/newsroom/articles/${id}`, story({ headline: 'Lantern festival on the set', body: 'The crew hung a paper lantern over the rooftop.' }));
    assert.doesNotMatch(await search('zephyrine'), /lantern-festival-on-the-set/, 'the old wording is gone from the index');
    assert.match(await search('rooftop lantern'), /lantern-festival-on-the-set/);
  });

  test('merging two records of one person keeps every link', async () => {
    const db = getDb().kysely;
    const now = clock().toISOString();
    const dup = await db.insertInto('people').values({ slug: 'han-sohee', display_name: 'Han Sohee', family_name: 'Han', given_name: 'Sohee', hangul_name: null, birth_date: null, pronouns: null, photo_url: null, bio: '', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const han = await db.selectFrom('people').select('id').where('slug', '=', 'han-so-hee').executeTakeFirstOrThrow();
    const art = await db.selectFrom('articles').select('id').where('slug', '=', 'linking-story').executeTakeFirstOrThrow();
    const other = await db.selectFrom('articles').select('id').where('slug', '!=', 'linking-story').executeTakeFirstOrThrow();
    await db.insertInto('article_people').values([{ article_id: other.id, person_id: dup.id }, { article_id: art.id, person_id: dup.id }]).onConflict((oc) => oc.doNothing()).execute();
    const res = await post(s.editor, '/newsroom/people/merge', { fromId: dup.id, intoId: han.id });
    assert.equal(res.statusCode, 303);
    const links = await db.selectFrom('article_people').select('article_id').where('person_id', '=', han.id).execute();
    assert.ok(links.some((l) => l.article_id === other.id) && links.some((l) => l.article_id === art.id));
    const aliases = await db.selectFrom('person_aliases').select('alias').where('person_id', '=', han.id).execute();
    assert.ok(aliases.some((a) => a.alias === 'Han Sohee'));
    assert.equal(await db.selectFrom('people').select('id').where('id', '=', dup.id).executeTakeFirst(), undefined);
    // The merged-away record's addresses lead to the kept one, on the site and in the API.
    const page = await app.inject('/people/han-sohee');
    assert.equal(page.statusCode, 301);
    assert.equal(page.headers.location, '/people/han-so-hee');
    const api = await app.inject('/api/v1/people/han-sohee');
    assert.equal(api.statusCode, 301);
    assert.equal(api.headers.location, '/api/v1/people/han-so-hee');
    assert.equal((await app.inject('/api/v1/people/nobody-by-this-name')).statusCode, 404);
  });
  test('a story with linter errors is published only when the editor confirms it', async () => {
    const before = await count('articles');
    const body = 'Kang song stopped the rehearsal to check on Han So Hee like Yoo Na Bi.';
    const refused = await post(s.editor, '/newsroom/articles', story({ headline: 'Linter gate story', body, action: 'publish' }));
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /The editorial linter found 2 errors/);
    assert.match(refused.body, /Kang song/, 'the first error is named');
    assert.match(refused.body, /Kang song stopped the rehearsal/, 'what was typed comes back');
    assert.match(refused.body, /name="lintConfirmed" value="1"/, 'with the box to publish anyway');
    assert.equal(await count('articles'), before, 'nothing stored');
    const draft = await post(s.editor, '/newsroom/articles', story({ headline: 'Linter gate story', body, action: 'save' }));
    assert.equal(draft.statusCode, 303, 'saving a draft is never blocked');
    const confirmed = await post(s.editor, String(draft.headers.location).split('?')[0]!, story({ headline: 'Linter gate story', body, action: 'publish', lintConfirmed: '1' }));
    assert.equal(confirmed.statusCode, 303);
    const row = await getDb().kysely.selectFrom('articles').select('status').where('headline', '=', 'Linter gate story').executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
  });
});
