import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { formatCommentBody } from './format.js';
import { avatarKey, identiconSvg } from './identicon.js';
import { executableParts } from '../../test/helpers/html-safety.js';

test('paragraphs and line breaks', () => {
  assert.equal(formatCommentBody('one\ntwo\n\nthree'), '<p>one<br>two</p><p>three</p>');
});

test('bold, italic, code and quote', () => {
  assert.equal(formatCommentBody('**so** *kind* `x<y`'), '<p><strong>so</strong> <em>kind</em> <code>x&lt;y</code></p>');
  assert.equal(formatCommentBody('> she said\n> hi'), '<blockquote><p>she said<br>hi</p></blockquote>');
});

test('URLs are autolinked with rel="nofollow ugc", trailing punctuation kept outside', () => {
  assert.equal(formatCommentBody('see https://example.com/a?b=1&c=2.'), '<p>see <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc">https://example.com/a?b=1&amp;c=2</a>.</p>');
  assert.match(formatCommentBody('www.example.com'), /href="http:\/\/www.example.com"/);
});

test('any HTML typed in is shown as text', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**<b onmouseover=alert(1)>x</b>**',
    'javascript:alert(1)',
    '[x](javascript:alert(1))',
    'https://e.com/"><script>alert(1)</script>',
    '`</code><script>alert(1)</script>`',
    '> <iframe src=javascript:alert(1)>',
  ];
  for (const a of attacks) {
    const html = formatCommentBody(a);
    assert.deepEqual(executableParts(html), [], `${a} -> ${html}`);
  }
  assert.equal(formatCommentBody('<b>hi</b>'), '<p>&lt;b&gt;hi&lt;/b&gt;</p>');
});

test('identicon: keyed, stable, not a plain hash, safe SVG', () => {
  const k = avatarKey('Jisoo@Example.com', 'secret-a');
  assert.equal(k, avatarKey('jisoo@example.com', 'secret-a'));
  assert.notEqual(k, avatarKey('jisoo@example.com', 'secret-b'));
  for (const algo of ['md5', 'sha1', 'sha256']) assert.notEqual(k, crypto.createHash(algo).update('jisoo@example.com').digest('hex'));
  const svg = identiconSvg(k);
  assert.match(svg, /^<svg [^>]*viewBox="0 0 6 6"/);
  assert.deepEqual(executableParts(svg, ['svg']), []);
});
