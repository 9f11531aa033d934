// Precision and recall of the linter over the test stories in fixtures/: each story.md has a
// story.expected.json listing the planted errors ({ ruleId, line, text }). A finding counts as
// right when rule, line and text match a planted one. Run: npx tsx src/editorial/evaluate.ts
import fs from 'node:fs';
import path from 'node:path';
import { demoLintKb } from './demo-kb.js';
import { lintText } from './engine.js';

export interface Expected { ruleId: string; line: number; text: string }
export interface StoryScore { story: string; truePositives: number; falsePositives: string[]; missed: string[] }
export interface Evaluation { stories: StoryScore[]; precision: number; recall: number; planted: number; found: number }

export const FIXTURES_DIR = path.join(import.meta.dirname, 'fixtures');

export function evaluateFixtures(dir = FIXTURES_DIR): Evaluation {
  const kb = demoLintKb();
  const stories: StoryScore[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected[];
    const key = (f: Expected) => `${f.ruleId}@${f.line} ${f.text}`;
    const open = expected.map(key);
    const score: StoryScore = { story: file, truePositives: 0, falsePositives: [], missed: [] };
    for (const f of lintText(text, kb)) {
      const k = key(f);
      const at = open.indexOf(k);
      if (at >= 0) {
        open.splice(at, 1);
        score.truePositives++;
      } else score.falsePositives.push(k);
    }
    score.missed = open;
    stories.push(score);
  }
  const tp = stories.reduce((n, s) => n + s.truePositives, 0);
  const fp = stories.reduce((n, s) => n + s.falsePositives.length, 0);
  const fn = stories.reduce((n, s) => n + s.missed.length, 0);
  return { stories, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, planted: tp + fn, found: tp + fp };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const e = evaluateFixtures();
  for (const s of e.stories) {
    console.log(`${s.story}: ${s.truePositives} right${s.falsePositives.length ? `, false: ${s.falsePositives.join('; ')}` : ''}${s.missed.length ? `, missed: ${s.missed.join('; ')}` : ''}`);
  }
  console.log(`planted ${e.planted}, found ${e.found}: precision ${e.precision.toFixed(3)}, recall ${e.recall.toFixed(3)}`);
}
