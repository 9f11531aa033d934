// Page weight of the demo story, as transferred with Accept-Encoding: br (issue 10): under 30 KB
// for HTML + JavaScript + CSS, under 10 KB of JavaScript, and nothing render-blocking from
// another host. The same measurement as `npm run weight`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JS_BUDGET_BYTES, PAGE_BUDGET_BYTES, measurePageWeight, pageReferences, renderPageWeight, type PageWeight } from '../scripts/page-weight.js';
import { startTestServer, type TestServer } from './helpers/server.js';

describe('page weight of the demo story', { timeout: 120_000 }, () => {
  let server: TestServer | undefined;
  let weight: PageWeight | undefined;

  before(async () => {
    server = await startTestServer();
    weight = await measurePageWeight(server.url);
  });
  after(async () => {
    await server?.stop();
  });
  const w = () => {
    if (!weight) throw new Error('not measured');
    return weight;
  };

  test('the HTML, scripts and stylesheets are served brotli-compressed', () => {
    for (const r of [w().page, ...w().scripts, ...w().stylesheets]) {
      assert.equal(r.status, 200, r.url);
      assert.equal(r.contentEncoding, 'br', `${r.url} was sent without brotli`);
    }
    assert.ok(w().scripts.length >= 1 && w().stylesheets.length >= 1, 'the page loads its script and stylesheet');
  });

  test(`HTML + JS + CSS under ${PAGE_BUDGET_BYTES / 1024} KB compressed`, () => {
    assert.ok(w().totalBytes <= PAGE_BUDGET_BYTES, `over budget:\n${renderPageWeight(w())}`);
  });

  test(`JavaScript under ${JS_BUDGET_BYTES / 1024} KB compressed`, () => {
    assert.ok(w().jsBytes <= JS_BUDGET_BYTES, `over budget:\n${renderPageWeight(w())}`);
  });

  test('no render-blocking request to a third-party host', () => {
    assert.deepEqual(w().blockingThirdParty, []);
  });
});

describe('render-blocking detection', () => {
  test('classic scripts and stylesheets block; async, defer, module and print stylesheets do not', () => {
    const refs = pageReferences(
      '<link rel="stylesheet" href="https://cdn.example/a.css"><link rel="stylesheet" media="print" href="/p.css">' +
        '<script src="https://cdn.example/b.js"></script><script async src="https://x.example/c.js"></script>' +
        '<script defer src="/d.js"></script><script type="module" src="/e.js"></script>',
    );
    assert.deepEqual(
      refs.map((r) => `${r.kind} ${r.href} ${r.blocking ? 'blocking' : 'not'}`),
      ['stylesheet https://cdn.example/a.css blocking', 'stylesheet /p.css not', 'script https://cdn.example/b.js blocking', 'script https://x.example/c.js not', 'script /d.js not', 'script /e.js not'],
    );
  });
});
