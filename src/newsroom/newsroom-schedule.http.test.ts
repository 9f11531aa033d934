// The editor's schedule field: a scheduled story's time comes back filled in, a past time is
// refused in words, and "at the next air time of <drama>" follows the (injected) clock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp, TEST_NOW } from '../../test/helpers/app.js';
import type { fixedClock } from '../lib/clock.js';
import { makeStaff, signInAs, type Session } from './newsroom.test-support.js';

const story = (over: Record<string, unknown> = {}) => ({ headline: 'Schedule field story', dek: '', kind: 'news', body: 'Text.', ...over });

describeEachDatabase('newsroom schedule field', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let editor: Session;
  before(async () => {
    ({ app, clock } = await buildSeededApp(getDb()));
    editor = await signInAs(app, (await makeStaff(getDb(), clock)).editor);
  });
  after(() => app.close());
  const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, headers: { cookie: editor.cookie }, payload: { ...payload, _csrf: editor.csrf } });
  const idOf = (location: unknown) => Number(/articles\/(\d+)/.exec(String(location))![1]);
  const count = async () => Number((await getDb().kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  test('the editor of a scheduled story shows its date, time and zone', async () => {
    const res = await post('/newsroom/articles', story({ headline: 'Prefilled schedule story', action: 'schedule', publishLocal: '2027-03-01T23:00', publishZone: 'Asia/Seoul' }));
    assert.equal(res.statusCode, 303);
    const page = (await app.inject({ url: `/newsroom/articles/${idOf(res.headers.location)}`, headers: { cookie: editor.cookie } })).body;
    assert.match(page, /id="publishLocal" name="publishLocal" type="datetime-local" value="2027-03-01T23:00" data-instant="2027-03-01T14:00:00.000Z"/);
    assert.match(page, /<option value="Asia\/Seoul" selected>Asia\/Seoul<\/option>/);
    const draft = await post('/newsroom/articles', story({ headline: 'Unscheduled draft' }));
    const empty = (await app.inject({ url: `/newsroom/articles/${idOf(draft.headers.location)}`, headers: { cookie: editor.cookie } })).body;
    assert.match(empty, /id="publishLocal" name="publishLocal" type="datetime-local" value aria-describedby/, 'a draft has no time filled in');
  });

  test('a time in the past is refused with a clear message; what was typed stays and nothing is stored', async () => {
    const before = await count();
    const pastParis = '2026-11-25T12:30'; // 11:30 UTC, half an hour before the test clock
    const res = await post('/newsroom/articles', story({ headline: 'Too late story', action: 'schedule', publishLocal: pastParis, publishZone: 'Europe/Paris' }));
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /25 Nov 2026, 12:30 in Europe\/Paris has already passed \(it is 25 Nov 2026, 13:00 there now\)/);
    assert.match(res.body, /value="2026-11-25T12:30"/);
    assert.match(res.body, /<option value="Europe\/Paris" selected>/);
    assert.match(res.body, /value="Too late story"/);
    assert.equal(await count(), before);
    const now = await post('/newsroom/articles', story({ headline: 'Exactly now story', action: 'schedule', publishLocal: TEST_NOW.slice(0, 16), publishZone: 'UTC' }));
    assert.equal(now.statusCode, 400, 'the present instant is not the future either');
  });

  test('"at the next air time of" a drama schedules at its next episode, by the injected clock', async () => {
    // A drama on air around the test clock: Wednesdays and Thursdays at 22:00 KST.
    const made = await post('/newsroom/dramas', { title: 'Harbor Lights', networkId: String((await getDb().kysely.selectFrom('networks').select('id').where('slug', '=', 'jtbc').executeTakeFirstOrThrow()).id), episodes: '16', firstAirDate: '2026-11-04', lastAirDate: '2026-12-24' });
    assert.equal(made.statusCode, 303, made.body.slice(0, 300));
    const dramaId = Number(/dramas\/(\d+)/.exec(String(made.headers.location))![1]);
    assert.equal((await post(`/newsroom/dramas/${dramaId}/schedule`, { slots: 'Wed 22:00\nThu 22:00' })).statusCode, 303);
    const editorPage = (await app.inject({ url: '/newsroom/articles/new', headers: { cookie: editor.cookie } })).body;
    assert.match(editorPage, /<option value="harbor-lights">Harbor Lights<\/option>/);

    // 2026-11-25T12:00Z is Wednesday 21:00 in Seoul: the next episode is at 22:00 KST, 13:00Z.
    const first = await post('/newsroom/articles', story({ headline: 'Harbor Lights episode one recap', action: 'schedule', airDrama: 'harbor-lights' }));
    assert.equal(first.statusCode, 303, first.body.slice(0, 300));
    const row = (id: number) => getDb().kysely.selectFrom('articles').select(['status', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const a = await row(idOf(first.headers.location));
    assert.equal(a.status, 'scheduled');
    assert.equal(new Date(a.published_at!).toISOString(), '2026-11-25T13:00:00.000Z');

    // Once that episode has started, the next one is Thursday's.
    clock.set('2026-11-25T13:00:30Z');
    const second = await post('/newsroom/articles', story({ headline: 'Harbor Lights episode two recap', action: 'schedule', airDrama: 'harbor-lights' }));
    assert.equal(new Date((await row(idOf(second.headers.location))).published_at!).toISOString(), '2026-11-26T13:00:00.000Z');

    // After the last episode there is nothing to publish with.
    clock.set('2026-12-25T00:00:00Z');
    editor = await signInAs(app, 'editor@onset.test'); // sessions last hours, not a month
    const ended = await post('/newsroom/articles', story({ headline: 'Harbor Lights too late', action: 'schedule', airDrama: 'harbor-lights' }));
    assert.equal(ended.statusCode, 400);
    assert.match(ended.body, /no upcoming episode/);
    clock.set(TEST_NOW);
  });
});
