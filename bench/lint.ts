/**
 * Editorial linter speed: `npx tsx bench/lint.ts [--runs 200]`.
 * Lints a ~2,000-word story (the fixture stories and demo articles repeated) against the demo
 * knowledge base and against one with 5,000 more people, and compares with a reference in the
 * same run: the entity linker's own scan of the same text (NameIndex.find, one big regex), the
 * cheapest pass that reads every name. Prints ms per lint and the ratio lint ÷ reference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { NameIndex } from '../src/catalog/names.js';
import { demoArticles } from '../src/demo/demo.data.js';
import { buildLintKb } from '../src/editorial/kb.js';
import { demoLintSources } from '../src/editorial/demo-kb.js';
import { lintText } from '../src/editorial/engine.js';
import { FIXTURES_DIR } from '../src/editorial/evaluate.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
const runs = Math.max(10, Number(values.runs));

const parts = [
  ...fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(FIXTURES_DIR, f), 'utf8')),
  ...demoArticles.map((a) => a.body),
];
let story = '';
for (let i = 0; story.split(/\s+/).length < 2000; i++) story += `${parts[i % parts.length]}\n\n`;
const words = story.split(/\s+/).filter(Boolean).length;

const SYLLABLES = ['Min', 'Ji', 'Woo', 'Seo', 'Hyun', 'Jae', 'Soo', 'Eun', 'Ha', 'Yeon', 'Jin', 'Hee', 'Joon', 'Bin', 'Ah', 'Young'];
const FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon'];
function largeSources() {
  const extra = [];
  for (let i = 0; i < 5000; i++) {
    extra.push({ display: `${FAMILY[i % FAMILY.length]} ${SYLLABLES[(i * 7) % SYLLABLES.length]} ${SYLLABLES[(i * 11 + 3) % SYLLABLES.length]}${i >= 3000 ? ` ${i}` : ''}`, pronouns: i % 2 ? 'he/him' : 'she/her' });
  }
  return demoLintSources(extra);
}

function time(fn: () => unknown): number {
  for (let i = 0; i < 10; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  return (performance.now() - t0) / runs;
}

console.log(`story: ${words} words, ${story.length} characters; ${runs} runs each after 10 warm-up runs`);
console.log('kb | people | build ms | lint ms | reference ms | ratio | findings');
for (const [label, sources] of [['demo', demoLintSources()], ['demo + 5,000', largeSources()]] as const) {
  const t0 = performance.now();
  const kb = buildLintKb(sources);
  const buildMs = performance.now() - t0;
  const index = new NameIndex(sources);
  const lintMs = time(() => lintText(story, kb));
  const refMs = time(() => index.find(story));
  console.log(`${label} | ${sources.people.length} | ${buildMs.toFixed(1)} | ${lintMs.toFixed(2)} | ${refMs.toFixed(2)} | ${(lintMs / refMs).toFixed(2)} | ${lintText(story, kb).length}`);
}
