// "Report" under each comment is a link to a small form that works without JavaScript (one form
// per comment in the thread weighed ~600 bytes each on a long thread).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { buildCommentsApp, STAFF_HEADERS } from './comments.testing.js';

const PAGE = `/articles/${WATCH_ARTICLE_SLUG}`;

describeEachDatabase('reporting a comment', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildCommentsApp(getDb()));
  });
  after(() => app.close());
  const render = async () => (await app.inject(PAGE)).body;

  test('Report: a link under each comment to a form that files the report', async () => {
    const html = await render();
    const m = /<a class="comment-report" href="(\/comments\/(\d+)\/report)" rel="nofollow">Report<\/a>/.exec(html);
    assert.ok(m, 'a Report link under a comment');
    const form = await app.inject(m[1]!);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /noindex/);
    assert.match(form.body, new RegExp(`<form method="post" action="/comments/${m[2]}/report"`));
    assert.match(form.body, /<select id="report-reason" name="reason">/);
    const back = /name="back" value="([^"]+)"/.exec(form.body)![1]!;
    assert.equal(back, `${PAGE}#comment-${m[2]}`);
    const sent = await app.inject({ method: 'POST', url: `/comments/${m[2]}/report`, payload: `reason=spam&back=${encodeURIComponent(back)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(sent.statusCode, 200);
    assert.match(sent.body, /Thank you for your report/);
    const queue = await app.inject({ url: '/api/v1/moderation/comments?queue=reported', headers: STAFF_HEADERS });
    assert.ok((queue.json().items as { id: number }[]).some((i) => i.id === Number(m[2])));
    // A page-2 link keeps its page in the way back.
    assert.match((await app.inject(`${m[1]}?cpage=2`)).body, new RegExp(`name="back" value="${PAGE}\\?cpage=2#comment-${m[2]}"`));
    // No form for a comment readers cannot see, nor for one that does not exist.
    const trashed = await app.inject({ method: 'POST', url: '/api/v1/moderation/comments/actions', headers: STAFF_HEADERS, payload: { ids: [Number(m[2])], action: 'trash' } });
    assert.equal(trashed.statusCode, 200);
    assert.equal((await app.inject(m[1]!)).statusCode, 404);
    assert.equal((await app.inject('/comments/99999999/report')).statusCode, 404);
  });
});
