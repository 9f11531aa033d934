import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { executableParts } from '../../test/helpers/html-safety.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { DUPLICATE_MESSAGE } from './admission.checks.js';
import { DEMO_COMMENTS } from './comments.seed.js';
import { buildCommentsApp, STAFF_HEADERS } from './comments.testing.js';

const PAGE = `/articles/${WATCH_ARTICLE_SLUG}`;

describeEachDatabase('comments over HTTP', (getDb) => {
  let app: FastifyInstance;
  let clock: ReturnType<typeof fixedClock>;
  let ipCounter = 1;
  before(async () => {
    ({ app, clock } = await buildCommentsApp(getDb()));
  });
  after(() => app.close());

  const cookieJar = (res: LightMyRequestResponse, jar: Record<string, string> = {}) => {
    for (const c of res.cookies as { name: string; value: string }[]) jar[c.name] = c.value;
    return jar;
  };
  async function token(): Promise<string> {
    const res = await app.inject(PAGE);
    const t = /name="ts" value="([^"]+)"/.exec(res.body)![1]!;
    clock.advance(10_000);
    return t.replace(/&amp;/g, '&');
  }
  async function postForm(fields: Record<string, string>, opts: { cookies?: Record<string, string>; ip?: string; headers?: Record<string, string> } = {}) {
    const ts = fields.ts ?? (await token());
    return app.inject({
      method: 'POST',
      url: `${PAGE}/comments`,
      remoteAddress: opts.ip ?? `10.0.${Math.floor(ipCounter / 250)}.${ipCounter++ % 250}`,
      payload: new URLSearchParams({ ts, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
      cookies: opts.cookies ?? {},
    });
  }
  const staff = (body: unknown) => app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: STAFF_HEADERS, payload: body as object });

  test('the form: WordPress wording, fields, honeypot and signed token', async () => {
    const html = (await app.inject(PAGE)).body;
    assert.match(html, /<h3 id="reply-title" class="comment-reply-title">Leave a Reply /);
    assert.match(html, /Your email address will not be published.<\/span> <span class="required-field-message">Required fields are marked/);
    for (const label of ['Comment', 'Name', 'Email', 'Website']) assert.match(html, new RegExp(`<label for="[a-z]+">${label}`));
    assert.match(html, /Save my name, email, and website in this browser for the next time I comment/);
    assert.match(html, />Post Comment</);
    assert.match(html, /name="phone_number"/);
    assert.match(html, /<input type="hidden" name="ts" value="\d+\.[^"]+"/);
  });

  test('a first comment is held; its author sees it awaiting moderation, nobody else does', async () => {
    const res = await postForm({ comment: 'First time here! Love this **scene**.', author: 'Mina', email: 'mina.first@example.com', url: '' });
    assert.equal(res.statusCode, 303);
    const id = /#comment-(\d+)$/.exec(res.headers.location as string)![1];
    const jar = cookieJar(res);
    assert.ok(jar.onset_own_comments, 'own-comments cookie set');
    assert.ok(!jar.onset_commenter, 'no remember-me cookie when the box is not ticked');
    const mine = await app.inject({ url: PAGE, cookies: jar });
    assert.match(mine.body, new RegExp(`id="comment-${id}"`));
    assert.match(mine.body, /Your comment is awaiting moderation\./);
    assert.match(mine.headers['cache-control'] as string, /private/);
    const other = await app.inject(PAGE);
    assert.doesNotMatch(other.body, new RegExp(`id="comment-${id}"`));
    assert.doesNotMatch(other.body, /awaiting moderation/);
    // Approve it: everybody sees it, formatted, and the count goes up.
    const ok = await staff({ ids: [Number(id)], action: 'approve' });
    assert.equal(ok.statusCode, 200);
    const after = await app.inject(PAGE);
    assert.match(after.body, new RegExp(`id="comment-${id}"`));
    assert.match(after.body, /<strong>scene<\/strong>/);
    // The demo seed put DEMO_COMMENTS on this story; this one makes one more.
    const count = `${DEMO_COMMENTS.length + 1} comments`;
    assert.match(after.body, new RegExp(`<h2 id="comments-title">${count}</h2>`));
    assert.match(after.body, new RegExp(`class="comment-count" href="#comments">${count}<`));
    const home = await app.inject('/');
    assert.match(home.body, new RegExp(`comments">${count}<`), 'count on the card');
    // A later comment from the same email is approved at once.
    const second = await postForm({ comment: 'And a second thought.', author: 'Mina', email: 'MINA.first@example.com', remember: 'yes' });
    assert.equal(second.statusCode, 303);
    const jar2 = cookieJar(second);
    assert.ok(jar2.onset_commenter, 'remember-me cookie when ticked');
    const sid = /#comment-(\d+)$/.exec(second.headers.location as string)![1];
    assert.match((await app.inject(PAGE)).body, new RegExp(`id="comment-${sid}"`));
    // The log has a row per change.
    const log = await getDb().kysely.selectFrom('comment_moderation_log').selectAll().where('comment_id', '=', Number(id)).orderBy('id').execute();
    assert.deepEqual(log.map((l) => [l.action, l.to_status]), [['posted', 'pending'], ['approve', 'approved']]);
    assert.match(log[0]!.reason, /first-time/);
  });

  test('errors: 422 with a message per field and the typed values kept', async () => {
    const res = await postForm({ comment: 'Kept <text>', author: '', email: 'not-an-email', url: 'javascript:alert(1)' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Please fill in your name/);
    assert.match(res.body, /Please enter a valid email address/);
    assert.match(res.body, /Please enter a web address/);
    assert.match(res.body, /<textarea[^>]*>Kept &lt;text><\/textarea>/);
    assert.match(res.body, /value="not-an-email"/);
  });

  test('duplicate, honeypot, too fast, forged token', async () => {
    const email = 'dup@example.com';
    await postForm({ comment: 'Same words', author: 'Dup', email });
    const dup = await postForm({ comment: 'Same words', author: 'Dup', email });
    assert.equal(dup.statusCode, 409);
    assert.ok(dup.body.includes(DUPLICATE_MESSAGE.replace("'", '&#39;')) || dup.body.includes(DUPLICATE_MESSAGE));
    const hp = await postForm({ comment: 'Buy now', author: 'Bot', email: 'bot@example.com', phone_number: '555' });
    assert.equal(hp.statusCode, 303);
    const row = await getDb().kysely.selectFrom('comments').select(['status', 'status_reason']).where('author_email', '=', 'bot@example.com').executeTakeFirstOrThrow();
    assert.equal(row.status, 'spam');
    const fresh = /name="ts" value="([^"]+)"/.exec((await app.inject(PAGE)).body)![1]!;
    await postForm({ comment: 'Too quick', author: 'Fast', email: 'fast@example.com', ts: fresh });
    const fast = await getDb().kysely.selectFrom('comments').select(['status', 'status_reason']).where('author_email', '=', 'fast@example.com').executeTakeFirstOrThrow();
    assert.equal(fast.status, 'spam');
    assert.match(fast.status_reason!, /after the form was shown/);
    const forged = await postForm({ comment: 'Forged', author: 'F', email: 'forged@example.com', ts: '1.abc' });
    assert.equal(forged.statusCode, 422);
    assert.match(forged.body, /reload the page/);
  });

  test('links are held with a kind reason shown to the commenter (API)', async () => {
    const formToken = ((await app.inject(`/api/v1${PAGE}/comments`)).json() as { formToken: string }).formToken;
    clock.advance(10_000);
    const res = await app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, remoteAddress: '10.9.9.9', payload: { body: 'see https://a.example https://b.example https://c.example', authorName: 'Linky', authorEmail: 'linky@example.com', formToken } });
    assert.equal(res.statusCode, 202);
    assert.equal(res.json().status, 'pending');
    assert.match(res.json().message, /held for review/);
  });

  test('rate limit per IP: 429 with a readable page', async () => {
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 6; i++) last = await postForm({ comment: `Flood ${i}`, author: 'Flood', email: `flood${i}@example.com` }, { ip: '10.200.0.1' });
    assert.equal(last!.statusCode, 429);
    assert.match(last!.body, /posting comments too quickly/);
    assert.match(last!.body, /class="site-header"/);
  });

  test('replies nest, ?replytocom shows "Leave a Reply to", depth is capped', async () => {
    const parent = await app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, headers: STAFF_HEADERS, payload: { body: 'Staff here', authorName: 'Onset desk', authorEmail: 'desk@onset.test', formToken: 'x' } });
    assert.equal(parent.statusCode, 201, parent.body);
    let parentId = parent.json().id as number;
    const form = await app.inject(`${PAGE}?replytocom=${parentId}`);
    assert.match(form.body, /Leave a Reply to Onset desk/);
    assert.match(form.body, /Cancel reply/);
    assert.match(form.body, new RegExp(`name="parent" value="${parentId}"`));
    assert.match(form.body, /<span class="badge">Staff<\/span>/);
    for (let depth = 2; depth <= 5; depth++) {
      const r = await app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, headers: STAFF_HEADERS, payload: { body: `Depth ${depth}`, authorName: 'Desk', authorEmail: 'desk@onset.test', parentId, formToken: 'x' } });
      assert.equal(r.statusCode, 201, r.body);
      parentId = r.json().id;
    }
    const tooDeep = await app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, headers: STAFF_HEADERS, payload: { body: 'Depth 6', authorName: 'Desk', authorEmail: 'desk@onset.test', parentId, formToken: 'x' } });
    assert.equal(tooDeep.statusCode, 422);
    const page = (await app.inject(PAGE)).body;
    assert.equal((page.match(/<ol class="children">/g) ?? []).length >= 4, true);
    const api = (await app.inject(`/api/v1${PAGE}/comments`)).json();
    const staffThread = api.items.find((c: { author: { name: string } }) => c.author.name === 'Onset desk');
    assert.equal(staffThread.replies[0].replies[0].replies[0].replies[0].body, 'Depth 5');
  });

  test('HTML typed in is shown as text on the page and in the API', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/v1${PAGE}/comments`, headers: STAFF_HEADERS, payload: { body: '<script>alert(1)</script><img src=x onerror=alert(2)>', authorName: '<b onmouseover=x>Evil</b>', authorEmail: 'x@onset.test', authorUrl: 'https://ok.example', formToken: 'x' } });
    assert.equal(res.statusCode, 201);
    const html = (await app.inject(PAGE)).body;
    const section = html.slice(html.indexOf('id="comments"'));
    assert.deepEqual(executableParts(section).filter((p) => !/^<(form|input|button|textarea|svg)>$/.test(p)), []);
    assert.match(section, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(section, /rel="nofollow ugc external">&lt;b onmouseover=x>Evil&lt;\/b>/);
  });

  test('CSRF: a cross-site POST is refused with 403', async () => {
    const res = await postForm({ comment: 'x', author: 'x', email: 'csrf@example.com' }, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    assert.equal(res.statusCode, 403);
    const same = await postForm({ comment: 'Same origin is fine', author: 'x', email: 'csrf@example.com' }, { headers: { origin: 'http://onset.test', 'sec-fetch-site': 'same-origin' } });
    assert.equal(same.statusCode, 303);
  });

  test('moderation: staff only, queues with counts, report queue, restore, pick, bulk, log', async () => {
    assert.equal((await app.inject('/api/v1/moderation/comments?queue=pending')).statusCode, 401);
    const stranger = await app.inject('/moderation/comments');
    assert.equal(stranger.statusCode, 303, 'a stranger is sent to the one sign-in page');
    assert.match(String(stranger.headers.location), /^\/newsroom\/login\?next=%2Fmoderation%2Fcomments$/);
    const q = await app.inject({ url: '/api/v1/moderation/comments?queue=pending', headers: STAFF_HEADERS });
    assert.equal(q.statusCode, 200);
    const pending = q.json().items as { id: number }[];
    assert.ok(q.json().counts.pending >= 1);
    const approved = await getDb().kysely.selectFrom('comments').select('id').where('status', '=', 'approved').orderBy('id').executeTakeFirstOrThrow();
    const rep = await app.inject({ method: 'POST', url: `/comments/${approved.id}/report`, payload: 'reason=spoiler&back=/articles/x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(rep.statusCode, 200);
    const reported = await app.inject({ url: '/api/v1/moderation/comments?queue=reported', headers: STAFF_HEADERS });
    assert.deepEqual(reported.json().items.map((i: { id: number }) => i.id), [approved.id]);
    assert.equal(reported.json().items[0].reports[0].reason, 'spoiler');
    await staff({ ids: [approved.id], action: 'trash' });
    const restored = await staff({ ids: [approved.id], action: 'restore' });
    assert.equal(restored.statusCode, 200);
    const row = await getDb().kysely.selectFrom('comments').select('status').where('id', '=', approved.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved', 'restore returns to the status before trash');
    await staff({ ids: [approved.id], action: 'pick' });
    assert.match((await app.inject(PAGE)).body, /Editor&#39;s pick|Editor's pick/);
    const bulk = await staff({ ids: pending.map((p) => p.id), action: 'spam' });
    assert.equal(bulk.json().changed.length, pending.length);
    const page = await app.inject({ url: '/moderation/comments?queue=spam', headers: STAFF_HEADERS });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Bulk action/);
    const formAction = await app.inject({ method: 'POST', url: '/moderation/comments', headers: { ...STAFF_HEADERS, 'content-type': 'application/x-www-form-urlencoded' }, payload: `action=approve&queue=spam&ids=${pending[0]!.id}` });
    assert.equal(formAction.statusCode, 303);
    const log = await getDb().kysely.selectFrom('comment_moderation_log').select(['action']).where('comment_id', '=', approved.id).orderBy('id').execute();
    assert.deepEqual(log.map((l) => l.action).slice(-4), ['report', 'trash', 'restore', 'pick']);
  });

  test('paging of top-level comments with stable URLs', async () => {
    const put = await app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: STAFF_HEADERS, payload: { perPage: 2 } });
    assert.equal(put.statusCode, 200);
    const p1 = await app.inject(PAGE);
    assert.match(p1.body, /href="\/articles\/[^"?]+\?cpage=2#comments" rel="next">Newer comments/);
    const p2 = await app.inject(`${PAGE}?cpage=2`);
    assert.match(p2.body, /Page 2 of/);
    await app.inject({ method: 'PUT', url: '/api/v1/moderation/comments/settings', headers: STAFF_HEADERS, payload: { perPage: 50 } });
  });
});
