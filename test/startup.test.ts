// End to end: the `onset` command as an operator runs it, on a fresh data folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runOnset, startTestServer, type TestServer } from './helpers/server.js';

const WATCH_SLUG = 'watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';
const WATCH_HEADLINE = 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'onset-startup-'));
}

async function articlesPage(server: TestServer): Promise<{ items: { slug: string; headline: string }[]; total: number }> {
  const res = await fetch(`${server.url}/api/v1/articles?limit=1`);
  assert.equal(res.status, 200);
  return (await res.json()) as { items: { slug: string; headline: string }[]; total: number };
}

describe('onset serve on an empty data folder', { timeout: 120_000 }, () => {
  const dataDir = tempDir();
  let server: TestServer | undefined;
  let firstTotal = 0;

  before(async () => {
    server = await startTestServer({ dataDir });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const s = () => {
    if (!server) throw new Error('server not started');
    return server;
  };

  test('migrates: the SQLite file is in DATA_DIR', () => {
    assert.ok(fs.existsSync(path.join(dataDir, 'onset.sqlite')), `no onset.sqlite in ${dataDir}: ${fs.readdirSync(dataDir).join(', ')}`);
  });

  test('seeds the demo: the Watch story leads the home page', async () => {
    const res = await fetch(`${s().url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    const main = html.slice(html.indexOf('<main'));
    const firstStory = main.match(/href="\/articles\/([^"]+)"/);
    assert.equal(firstStory?.[1], WATCH_SLUG, 'the first story linked on the home page');
    assert.ok(html.includes(`>${WATCH_HEADLINE}</a>`), 'the Watch headline is on the home page as a link');
  });

  test('seeds the demo: the API lists the Watch story first', async () => {
    const page = await articlesPage(s());
    assert.equal(page.items[0]?.slug, WATCH_SLUG);
    assert.equal(page.items[0]?.headline, WATCH_HEADLINE);
    assert.ok(page.total >= 1);
    firstTotal = page.total;
  });

  test('health and readiness', async () => {
    const health = await fetch(`${s().url}/healthz`);
    assert.equal(health.status, 200);
    await health.arrayBuffer();
    const ready = await fetch(`${s().url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  });

  test('an unknown page is a 404 in the site layout', async () => {
    const res = await fetch(`${s().url}/nope`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const html = await res.text();
    assert.ok(html.includes('class="site-header"'), 'the 404 page has the site header');
    assert.match(html, /<html[^>]*lang="en"/);
  });

  test('an unknown API route is a JSON 404', async () => {
    const res = await fetch(`${s().url}/api/v1/nope`);
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await res.json()) as { statusCode: number; error: string };
    assert.equal(body.statusCode, 404);
    assert.equal(body.error, 'Not Found');
  });

  test('SIGTERM stops it with exit code 0', async () => {
    const code = await s().stop();
    assert.equal(code, 0);
  });

  test('a second start on the same folder does not seed the demo again', async () => {
    assert.ok(firstTotal > 0, 'the first run counted the stories');
    const again = await startTestServer({ dataDir });
    try {
      const page = await articlesPage(again);
      assert.equal(page.total, firstTotal);
      assert.equal(page.items[0]?.slug, WATCH_SLUG);
    } finally {
      assert.equal(await again.stop(), 0, 'second server exits with 0 on SIGTERM');
    }
  });
});

describe('onset with a wrong configuration', { timeout: 60_000 }, () => {
  test('PORT=abc: exits non-zero with one line on stderr naming PORT', async () => {
    const dataDir = tempDir();
    try {
      const { code, stderr } = await runOnset(['serve'], { PORT: 'abc', HOST: '127.0.0.1', DATA_DIR: dataDir }, 30_000);
      assert.notEqual(code, 0);
      assert.notEqual(code, null, 'exited by itself, not killed');
      const lines = stderr.split('\n').filter((line) => line.trim() !== '');
      assert.equal(lines.length, 1, `expected one line on stderr, got:\n${stderr}`);
      assert.match(lines[0]!, /\bPORT\b/);
      assert.ok(!fs.existsSync(path.join(dataDir, 'onset.sqlite')), 'no database was created');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('onset serve --workers when the database cannot be prepared', { timeout: 60_000 }, () => {
  test('the primary starts no worker and exits non-zero, saying why', async () => {
    const dataDir = tempDir();
    try {
      // Nothing listens on port 1: the worker that prepares the database fails to connect.
      const { code, stdout, stderr } = await runOnset(['serve', '--workers', '2'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, 30_000);
      assert.equal(code, 1, `exit code; stderr:\n${stderr}`);
      assert.match(stdout + stderr, /ECONNREFUSED/, 'the connection error is shown');
      assert.match(stdout, /preparing the database failed; no worker started/);
      assert.doesNotMatch(stdout, /Onset is serving/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('onset seed-demo', { timeout: 60_000 }, () => {
  test('is idempotent: the second run says nothing changed', async () => {
    const dataDir = tempDir();
    try {
      const env = { DATA_DIR: dataDir };
      const first = await runOnset(['seed-demo'], env);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /Demo content added/);
      const second = await runOnset(['seed-demo'], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /nothing changed/i);
      assert.doesNotMatch(second.stdout, /added/i);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
