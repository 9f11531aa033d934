import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { buildSeededApp } from '../../test/helpers/app.js';
import { saveArticle } from '../articles/articles.service.js';
import { fixedClock } from '../lib/clock.js';
import { applyFixes } from './engine.js';
import { loadLintKb } from './lint.service.js';
import { lintText } from './engine.js';

describeEachDatabase('POST /api/v1/lint', (db) => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await buildSeededApp(db()));
  });
  after(async () => app?.close());

  const lint = (payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/v1/lint', payload: payload as object, headers });

  test('answers the findings against the stored knowledge base', async () => {
    const res = await lint({ text: 'Kang song like Park Jae Uhn.\n\nYan Hye Ji waved.' });
    assert.equal(res.statusCode, 200);
    const { findings } = res.json() as { findings: { ruleId: string; line: number; column: number; suggestion?: string }[] };
    assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.line}:${f.column}→${f.suggestion}`), ['name-order@1:1→Song Kang', 'role-as@1:11→as', 'name-spelling@3:1→Yang Hye Ji']);
  });

  test('honours disable and the story directive', async () => {
    const res = await lint({ text: '[onset-lint]: # (disable name-spelling: a different Yan, see the profile)\n\nKang song met Yan Hye Ji.', disable: ['name-order'] });
    assert.deepEqual((res.json() as { findings: unknown[] }).findings, []);
  });

  test('bad input gets a clear 400; too large a body 413', async () => {
    for (const bad of [{}, { text: { nested: true } }, { text: 'x', disable: ['no-such-rule'] }]) {
      const res = await lint(bad);
      assert.equal(res.statusCode, 400, JSON.stringify(bad));
      assert.match((res.json() as { message: string }).message, /body/);
    }
    const notJson = await app.inject({ method: 'POST', url: '/api/v1/lint', payload: '{"text":', headers: { 'content-type': 'application/json' } });
    assert.equal(notJson.statusCode, 400);
    assert.equal((await lint({ text: 'x'.repeat(200_001) })).statusCode, 400);
    assert.equal((await lint(JSON.stringify({ text: 'x'.repeat(900_000) }), { 'content-type': 'application/json' })).statusCode, 413);
  });

  test('is described in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, { post?: { requestBody?: unknown; responses?: Record<string, unknown> } }> };
    const op = doc.paths['/api/v1/lint']?.post;
    assert.ok(op?.requestBody, 'request body documented');
    assert.ok(op?.responses?.['200'] && op.responses['400']);
  });

  test('linking: once "Kang song" is fixed, the saved story links Song Kang', async () => {
    const kysely = db().kysely;
    const body = 'In a new clip, Kang song like Park Jae Uhn checks on his co-star.';
    const kb = await loadLintKb(kysely);
    const deps = { db: kysely, clock: fixedClock('2026-11-25T12:00:00.000Z') };
    const before = await saveArticle({ kind: 'news', headline: 'A clip from the set', body, status: 'draft', slug: 'lint-linking-test' }, deps);
    assert.ok(!before.links.linked.some((e) => e.type === 'person' && e.name === 'Song Kang'), 'unfixed: not linked');
    const findings = lintText(body, kb).filter((f) => f.severity === 'error');
    const nameFinding = findings.find((f) => f.ruleId === 'name-order');
    assert.equal(nameFinding?.entity?.href, '/people/song-kang');
    const fixed = applyFixes(body, findings).text;
    assert.equal(fixed, 'In a new clip, Song Kang as Park Jae Uhn checks on his co-star.');
    const after = await saveArticle({ kind: 'news', headline: 'A clip from the set', body: fixed, status: 'draft', slug: 'lint-linking-test' }, deps);
    const person = after.links.linked.find((e) => e.type === 'person' && e.id === nameFinding!.entity!.id);
    assert.equal(person?.name, 'Song Kang');
    const stored = await kysely.selectFrom('article_people').innerJoin('people', 'people.id', 'article_people.person_id').select('people.slug').where('article_id', '=', after.id).execute();
    assert.deepEqual(stored.map((r) => r.slug), ['song-kang']);
  });
});
