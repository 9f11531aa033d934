// Knowledge-base editing in the newsroom, on both databases: dramas, schedules, roles and
// networks, each validated per field (4xx, nothing stored) and logged with before and after.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { makeStaff, signInAs, type Session } from './newsroom.test-support.js';

describeEachDatabase('newsroom knowledge base', (getDb) => {
  let app: FastifyInstance;
  let editor: Session;
  let dramaId: number;
  before(async () => {
    let clock;
    ({ app, clock } = await buildSeededApp(getDb()));
    const staff = await makeStaff(getDb(), clock);
    editor = await signInAs(app, staff.editor);
    dramaId = (await getDb().kysely.selectFrom('dramas').select('id').where('slug', '=', 'nevertheless').executeTakeFirstOrThrow()).id;
  });
  after(() => app.close());

  const post = (url: string, payload: Record<string, string>) => app.inject({ method: 'POST', url, headers: { cookie: editor.cookie }, payload: { ...payload, _csrf: editor.csrf } });
  const logCount = async () => Number((await getDb().kysely.selectFrom('editorial_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  /** The drama form as the edit page fills it, so a test changes only what it means to. */
  const currentForm = async (id: number): Promise<Record<string, string>> => {
    const page = (await app.inject({ url: `/newsroom/dramas/${id}`, headers: { cookie: editor.cookie } })).body;
    const form = page.slice(page.indexOf(`action="/newsroom/dramas/${id}"`), page.indexOf('</form>', page.indexOf(`action="/newsroom/dramas/${id}"`)));
    const out: Record<string, string> = {};
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    for (const m of form.matchAll(/<input[^>]*name="(\w+)"[^>]*value="([^"]*)"/g)) out[m[1]!] = unescape(m[2]!);
    for (const m of form.matchAll(/<textarea[^>]*name="(\w+)"[^>]*>([^<]*)<\/textarea>/g)) out[m[1]!] = unescape(m[2]!);
    for (const m of form.matchAll(/<select[^>]*name="(\w+)"[^>]*>([\s\S]*?)<\/select>/g)) out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
    delete out._csrf;
    return out;
  };

  test('editing a drama changes its public page at once, and the log keeps before and after', async () => {
    assert.doesNotMatch((await app.inject('/dramas/nevertheless')).body, /A corrected synopsis/); // now in the page cache
    const form = await currentForm(dramaId);
    assert.equal(form.title, 'Nevertheless');
    const res = await post(`/newsroom/dramas/${dramaId}`, { ...form, synopsis: 'A corrected synopsis about art students.', platforms: 'Netflix | https://www.netflix.com/title/81435227', aliases: 'Algoitjiman' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const page = (await app.inject('/dramas/nevertheless')).body;
    assert.match(page, /A corrected synopsis about art students\./);
    const row = await getDb().kysely.selectFrom('dramas').selectAll().where('id', '=', dramaId).executeTakeFirstOrThrow();
    assert.equal(row.title, 'Nevertheless');
    assert.equal(row.native_title, form.nativeTitle, 'fields not touched keep their value');
    const platforms = await getDb().kysely.selectFrom('drama_platforms').select(['platform', 'url']).where('drama_id', '=', dramaId).execute();
    assert.deepEqual(platforms, [{ platform: 'Netflix', url: 'https://www.netflix.com/title/81435227' }]);
    const log = await getDb().kysely.selectFrom('editorial_log').select(['action', 'detail', 'actor']).where('target_type', '=', 'drama').where('target_id', '=', dramaId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(log.action, 'drama.update');
    assert.equal(log.actor, 'editor@onset.test');
    const detail = JSON.parse(log.detail) as { before: { synopsis: string }; after: { synopsis: string; aliases: string[] } };
    assert.notEqual(detail.before.synopsis, detail.after.synopsis);
    assert.deepEqual(detail.after.aliases, ['Algoitjiman']);
    // The name index is rebuilt: the new other title is suggested in the editor.
    const preview = await app.inject({ method: 'POST', url: '/newsroom/api/preview', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf }, payload: { body: 'Fans of Algoitjiman will like this.' } });
    assert.ok((preview.json() as { suggestions: { ref: string }[] }).suggestions.some((s) => s.ref === `drama:${dramaId}`));
  });

  test('a drama form with bad fields is refused with a message per field, and nothing is stored', async () => {
    const form = await currentForm(dramaId);
    const before = await getDb().kysely.selectFrom('dramas').selectAll().where('id', '=', dramaId).executeTakeFirstOrThrow();
    const logs = await logCount();
    const res = await post(`/newsroom/dramas/${dramaId}`, { ...form, synopsis: 'Should not be stored', year: '20x1', posterUrl: 'javascript:alert(1)', firstAirDate: '2021-08-21', lastAirDate: '2021-02-30', platforms: 'Netflix without a link', networkId: '999999' });
    assert.equal(res.statusCode, 400);
    for (const [field, message] of [['year', /whole number from 1950/], ['posterUrl', /http\(s\) URL/], ['lastAirDate', /YYYY-MM-DD/], ['platforms', /Line 1: write &quot;Service \| https:\/\/link&quot;/], ['networkId', /Choose a network/]] as const) {
      assert.match(res.body, new RegExp(`id="${field}-error" class="nr-error">[^<]*${message.source}`), field);
      assert.match(res.body, new RegExp(`id="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${field}"`), `${field} is marked invalid`);
    }
    assert.match(res.body, /Should not be stored/, 'what was typed comes back');
    assert.deepEqual(await getDb().kysely.selectFrom('dramas').selectAll().where('id', '=', dramaId).executeTakeFirstOrThrow(), before);
    assert.equal(await logCount(), logs);
    const dup = await post('/newsroom/dramas', { ...form, title: 'Nevertheless' });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /already has the address \/dramas\/nevertheless/);
  });

  test('a new drama is created with its fields, and its slug stays when the title is corrected', async () => {
    const res = await post('/newsroom/dramas', { title: 'Moonlit Ferry', nativeTitle: '달빛 나루', year: '2027', episodes: '12', runtimeMinutes: '60', genres: 'Romance, Mystery', synopsis: 'Two ferry pilots share one river.', sourceTitle: 'Moonlit Ferry', sourceType: 'webtoon', sourceCreator: 'An Original Creator', firstAirDate: '2027-01-02', lastAirDate: '2027-02-06', platforms: 'Viki | https://www.viki.com/tv/1' });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const id = Number(/dramas\/(\d+)/.exec(String(res.headers.location))![1]);
    assert.equal((await app.inject('/dramas/moonlit-ferry')).statusCode, 200);
    await post(`/newsroom/dramas/${id}`, { ...(await currentForm(id)), title: 'Moonlit Ferry Crossing' });
    const page = await app.inject('/dramas/moonlit-ferry');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Moonlit Ferry Crossing/);
  });

  test('a schedule edit changes the drama page and its .ics; a bad line is refused with its line number', async () => {
    const ics = async () => (await app.inject('/dramas/nevertheless/schedule.ics')).body;
    assert.match((await app.inject('/dramas/nevertheless')).body, /Aired every Saturday at 11 p\.m\. KST/);
    assert.match(await ics(), /DTSTART;TZID=Asia\/Seoul:20210619T230000/);
    const bad = await post(`/newsroom/dramas/${dramaId}/schedule`, { slots: 'Sun 21:00\nFunday 25:00', breaks: '2021-07-03 Football', specials: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Slot line 2 \(&quot;Funday 25:00&quot;\)|Slot line 2 \("Funday 25:00"\)/);
    assert.match(bad.body, /Break line 1: no weekly slot airs on 2021-07-03/);
    assert.match((await app.inject('/dramas/nevertheless')).body, /Aired every Saturday at 11 p\.m\. KST/, 'nothing changed');
    const logs = await logCount();
    const ok = await post(`/newsroom/dramas/${dramaId}/schedule`, { slots: 'Sunday 21:00', breaks: '2021-07-04 Football final', specials: '2021-08-29 22:00 Special: behind the scenes' });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    assert.equal(await logCount(), logs + 1);
    assert.match((await app.inject('/dramas/nevertheless')).body, /Aired every Sunday at 9 p\.m\. KST/);
    const cal = await ics();
    assert.match(cal, /DTSTART;TZID=Asia\/Seoul:20210620T210000/);
    assert.doesNotMatch(cal, /20210619T230000/);
    assert.doesNotMatch(cal, /DTSTART;TZID=Asia\/Seoul:20210704T210000/, 'the break does not air');
    assert.match(cal, /DTSTART;TZID=Asia\/Seoul:20210829T220000/, 'the special airs');
    const stored = await getDb().kysely.selectFrom('schedule_slots').select(['weekday', 'local_time']).where('drama_id', '=', dramaId).execute();
    assert.deepEqual(stored, [{ weekday: 7, local_time: '21:00' }]);
  });

  test('roles: add, refuse a duplicate or a bad billing, edit, remove; the cast list follows', async () => {
    const db = getDb().kysely;
    const person = await db.selectFrom('people').select(['id', 'display_name']).where('slug', '=', 'song-kang').executeTakeFirstOrThrow();
    const form = { personId: String(person.id), characterName: 'Ferry Pilot Kang', characterAliases: 'Pilot Kang', billing: 'cameo', billingOrder: '40' };
    const added = await post(`/newsroom/dramas/${dramaId}/roles`, form);
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    const role = await db.selectFrom('roles').selectAll().where('drama_id', '=', dramaId).where('character_name', '=', 'Ferry Pilot Kang').executeTakeFirstOrThrow();
    assert.equal(role.billing, 'cameo');
    assert.match((await app.inject('/dramas/nevertheless')).body, /Ferry Pilot Kang/);
    const dup = await post(`/newsroom/dramas/${dramaId}/roles`, form);
    assert.equal(dup.statusCode, 409);
    assert.match(dup.body, /already plays this character/);
    const logs = await logCount();
    const bad = await post(`/newsroom/dramas/${dramaId}/roles`, { ...form, characterName: '', billing: 'lead', billingOrder: '0', personId: '999999' });
    assert.equal(bad.statusCode, 400);
    for (const m of [/Choose the person/, /character name must not be empty/, /billing must be one of main, supporting, cameo/, /billing order must be a whole number/]) assert.match(bad.body, m);
    assert.equal(await logCount(), logs);
    assert.equal((await post(`/newsroom/dramas/${dramaId}/roles/${role.id}`, { ...form, billing: 'supporting', billingOrder: '5' })).statusCode, 303);
    assert.equal((await db.selectFrom('roles').select('billing').where('id', '=', role.id).executeTakeFirstOrThrow()).billing, 'supporting');
    assert.equal((await post(`/newsroom/dramas/${dramaId}/roles/${role.id}/delete`, {})).statusCode, 303);
    assert.doesNotMatch((await app.inject('/dramas/nevertheless')).body, /Ferry Pilot Kang/);
    const actions = (await db.selectFrom('editorial_log').select('action').where('target_type', '=', 'role').where('target_id', '=', role.id).orderBy('id').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['role.create', 'role.update', 'role.delete']);
  });

  test('networks: the time zone must be an IANA name; a zone change moves its dramas\' air times', async () => {
    const db = getDb().kysely;
    const jtbc = await db.selectFrom('networks').selectAll().where('slug', '=', 'jtbc').executeTakeFirstOrThrow();
    const bad = await post(`/newsroom/networks/${jtbc.id}`, { name: 'JTBC', timeZone: 'Mars/Olympus', country: 'Korea' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /IANA zone name/);
    assert.match(bad.body, /two-letter code/);
    assert.deepEqual(await db.selectFrom('networks').selectAll().where('id', '=', jtbc.id).executeTakeFirstOrThrow(), jtbc);
    assert.equal((await post('/newsroom/networks', { name: 'Harbor TV', timeZone: 'America/New_York', country: 'us' })).statusCode, 303);
    assert.equal((await db.selectFrom('networks').select(['time_zone', 'country']).where('slug', '=', 'harbor-tv').executeTakeFirstOrThrow()).country, 'US');
    assert.equal((await post('/newsroom/networks', { name: 'Harbor TV', timeZone: 'UTC', country: 'US' })).statusCode, 409);
    assert.match((await app.inject('/dramas/nevertheless/schedule.ics')).body, /TZID=Asia\/Seoul/);
    assert.equal((await post(`/newsroom/networks/${jtbc.id}`, { name: 'JTBC', timeZone: 'Asia/Tokyo', country: 'KR' })).statusCode, 303);
    assert.match((await app.inject('/dramas/nevertheless/schedule.ics')).body, /TZID=Asia\/Tokyo/);
    await post(`/newsroom/networks/${jtbc.id}`, { name: 'JTBC', timeZone: 'Asia/Seoul', country: 'KR' });
  });
});
