import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { executableParts } from '../../test/helpers/html-safety.js';
import { skipWithoutTestdata, testdataPath } from '../../test/helpers/testdata.js';

// Shared XSS payloads (testdata/xss); a copy of the file is not needed at run time, only in tests.
const PAYLOADS = 'xss/payloads.json';
const payloads: string[] = skipWithoutTestdata(PAYLOADS) ? [] : JSON.parse(fs.readFileSync(testdataPath(PAYLOADS), 'utf8'));

describeEachDatabase('search over HTTP', (getDb) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildSeededApp(getDb()));
  });
  after(async () => app?.close());

  test('/search shows people, dramas and stories with marked snippets', async () => {
    const res = await app.inject({ url: '/search?q=' + encodeURIComponent('kang song') });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/people\/song-kang"/);
    assert.match(res.body, /<mark>Song Kang<\/mark>/);
    assert.match(res.body, /<input[^>]+name="q"[^>]+value="kang song"/);
    assert.match(res.body, /<meta name="robots" content="noindex"/);
  });

  test('"did you mean" links to the corrected query', async () => {
    const res = await app.inject({ url: '/search?q=Yan+Hye+Ji' });
    assert.match(res.body, /Did you mean <a href="\/search\?q=Yang\+Hye\+Ji">Yang Hye Ji<\/a>\?/);
  });

  test('the empty form and an empty filter field work; a bad date is a 400 with a message', async () => {
    assert.equal((await app.inject({ url: '/search' })).statusCode, 200);
    assert.equal((await app.inject({ url: '/search?q=song+kang&kind=&from=&to=' })).statusCode, 200);
    const bad = await app.inject({ url: '/search?q=song&from=yesterday' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /from must be a date/);
  });

  test('no XSS payload in the query is reflected unescaped', { skip: skipWithoutTestdata(PAYLOADS) }, async () => {
    const baseline = executableParts((await app.inject({ url: '/search?q=harmless' })).body).sort();
    // A blank query renders the bare search page (canonical link instead of noindex).
    const blankBaseline = executableParts((await app.inject({ url: '/search?q=' })).body).sort();
    for (const p of payloads) {
      const res = await app.inject({ url: '/search?q=' + encodeURIComponent(p.slice(0, 500)) });
      assert.ok(res.statusCode === 200, `status ${res.statusCode} for ${p.slice(0, 60)}`);
      assert.deepEqual(executableParts(res.body).sort(), p.slice(0, 500).trim() ? baseline : blankBaseline, `payload ${p.slice(0, 80)}`);
    }
  });

  test('GET /api/v1/search answers JSON with escaped snippet HTML, and is in the OpenAPI document', async () => {
    const res = await app.inject({ url: '/api/v1/search?q=' + encodeURIComponent('송강') });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.people[0].slug, 'song-kang');
    assert.ok(body.stories.items.length >= 2);
    assert.ok(body.stories.items[0].url.startsWith('http://onset.test/articles/'));
    for (const s of body.stories.items) assert.deepEqual(executableParts(s.snippetHtml), []);
    assert.equal((await app.inject({ url: '/api/v1/search' })).statusCode, 400);
    assert.equal((await app.inject({ url: '/api/v1/search?q=x&kind=gossip' })).statusCode, 400);
    const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json();
    assert.ok(doc.paths['/api/v1/search']?.get);
  });
});
