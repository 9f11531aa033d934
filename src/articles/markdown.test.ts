import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { markdownToText, renderStoryMarkdown } from './markdown.js';
import { executableParts } from '../../test/helpers/html-safety.js';
import { skipWithoutTestdata, testdataPath } from '../../test/helpers/testdata.js';

const PAYLOADS = 'xss/payloads.json';


test('raw HTML in a story is shown as text', () => {
  const html = renderStoryMarkdown('Hello <script>alert(1)</script> <b onclick="x()">bold</b>');
  assert.deepEqual(executableParts(html), [], html);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('javascript: links are not links', () => {
  const html = renderStoryMarkdown('[click](javascript:alert(1)) and [ok](https://example.com)');
  assert.ok(!/href="javascript/i.test(html));
  assert.match(html, /<a href="https:\/\/example.com" rel="noopener">ok<\/a>/);
});

test('every XSS payload of the shared corpus renders inert', { skip: skipWithoutTestdata(PAYLOADS) }, () => {
  const payloads: string[] = JSON.parse(fs.readFileSync(testdataPath(PAYLOADS), 'utf8'));
  assert.ok(payloads.length > 300, 'the corpus is there');
  for (const payload of payloads) {
    for (const source of [payload, `*${payload}*`, `> ${payload}`, `[x](${payload})`, `![x](${payload})`]) {
      const html = renderStoryMarkdown(source);
      assert.deepEqual(executableParts(html), [], `payload not neutralised:\n${source}\n→\n${html}`);
    }
  }
});

test('body headings start at h2 under the headline', () => {
  assert.match(renderStoryMarkdown('# Part one'), /<h2>Part one<\/h2>/);
});

test('plain text of Markdown for descriptions', () => {
  assert.equal(markdownToText('*Nevertheless* airs **Saturdays**.\n\nSecond & last.'), 'Nevertheless airs Saturdays. Second & last.');
});

test('the safety check itself sees script, handlers and script URLs', () => {
  assert.deepEqual(executableParts('<p>ok</p><script>x</script><a href=" javascript:x" onclick="y">a</a>'), ['<script>', 'a[href= javascript:x]', 'a[onclick]']);
  assert.deepEqual(executableParts('&lt;script&gt; onclick=x'), []);
});
