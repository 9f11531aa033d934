import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoLintKb } from './demo-kb.js';
import { applyFixes, lintText } from './engine.js';
import { maskMarkdown } from './markdown-mask.js';
import { renderStoryMarkdown } from '../articles/markdown.js';

const lint = (t: string) => lintText(t, demoLintKb());

test('markdown: code blocks, code spans and URLs are not prose; positions stay those of the source', () => {
  const src = 'A [Kang song](https://x.test/Kang-song) clip.\n\n```\nKang song\n```\n\n    Kang song\n\nSee `Kang song` and https://kang.test/Kang_song now.';
  assert.equal(maskMarkdown(src).length, src.length);
  assert.deepEqual(lint(src).map((f) => `${f.line}:${f.column} ${f.text}`), ['1:4 Kang song']);
});

test('directive: turns a rule off with a reason, renders nothing, and is reported when malformed', () => {
  const on = '[onset-lint]: # (disable name-order: a band called Kang Song)\n\nKang song played.';
  assert.deepEqual(lint(on), []);
  assert.equal(renderStoryMarkdown(on).includes('onset-lint'), false);
  const noReason = lint('[onset-lint]: # (disable name-order)\n\nKang song played.');
  assert.deepEqual(noReason.map((f) => f.ruleId), ['lint-directive', 'name-order'], 'no reason: the rule stays on');
  assert.deepEqual(lint('[onset-lint]: # (disable no-such-rule: why)').map((f) => f.ruleId), ['lint-directive']);
});

test('applyFixes: applies suggestions, skips overlapping and stale ones', () => {
  const text = 'Kang song like Park Jae Uhn. Yan Hye Ji too.';
  const findings = lint(text);
  assert.equal(applyFixes(text, findings).text, 'Song Kang as Park Jae Uhn. Yang Hye Ji too.');
  assert.equal(applyFixes('changed text entirely, nothing fits', findings).applied.length, 0);
  const overlapping = [{ ...findings[0]!, length: 14, text: text.slice(0, 14), suggestion: 'X' }, findings[0]!];
  assert.equal(applyFixes(text, overlapping).applied.length, 1);
});
