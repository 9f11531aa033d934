import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanCueText, SubtitleError, toWebVtt } from './subtitles.js';

const utf8 = (s: string) => Buffer.from(s, 'utf8');

test('SRT with a BOM and CRLF becomes WebVTT: header, dot timestamps, no cue numbers', () => {
  const srt = '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHello there.\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nTwo\r\nlines\r\n';
  const { vtt, cues, overlaps } = toWebVtt(utf8(srt));
  assert.equal(vtt, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello there.\n\n00:00:03.000 --> 00:00:04.000\nTwo\nlines\n');
  assert.equal(cues.length, 2);
  assert.deepEqual(overlaps, []);
  assert.ok(!vtt.includes('\r') && !vtt.includes('\uFEFF'));
});

test('a file without a final newline keeps its last cue', () => {
  const { cues, vtt } = toWebVtt(utf8('1\n00:00:01,000 --> 00:00:02,000\nFirst\n\n2\n00:00:02,500 --> 00:00:03,000\nLast words'));
  assert.equal(cues.length, 2);
  assert.match(vtt, /Last words\n$/);
});

test('overlapping cues are kept and reported with their line numbers', () => {
  const { overlaps, cues } = toWebVtt(utf8('1\n00:00:01,000 --> 00:00:05,000\nA\n\n2\n00:00:04,000 --> 00:00:06,000\nB\n'));
  assert.equal(cues.length, 2);
  assert.deepEqual(overlaps, ['line 6: starts at 00:00:04.000, before the cue on line 2 ends at 00:00:05.000']);
});

test('a cue that ends before it starts is refused with its line number', () => {
  assert.throws(() => toWebVtt(utf8('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:05,000 --> 00:00:04,000\nbad\n')), (err: Error) => {
    assert.ok(err instanceof SubtitleError);
    assert.match(err.message, /^line 6: the cue ends \(00:00:04,000\) before or when it starts \(00:00:05,000\)/);
    return true;
  });
  assert.throws(() => toWebVtt(utf8('1\n00:00:01,000 -> 00:00:02,000\nx\n')), /line 1: expected a cue timing line/);
  assert.throws(() => toWebVtt(utf8('1\n00:00:01,000 --> 00:00:02\nx\n')), /line 2: cannot read the cue timing/);
});

test('Latin-1 bytes are refused with a clear message, not decoded into replacement characters', () => {
  const latin1 = Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n', 'latin1');
  assert.throws(() => toWebVtt(latin1), /must be UTF-8 text/);
});

test('markup: WebVTT tags stay, everything else is stripped or escaped', () => {
  const { vtt } = toWebVtt(utf8('1\n00:00:01,000 --> 00:00:02,000\n<i>soft</i> <font color="red">red</font> <script>alert(1)</script> <b>bold</b>\n<v Na Bi>Hi</v> a < b & c\n'));
  assert.match(vtt, /<i>soft<\/i> red alert\(1\) <b>bold<\/b>\n<v Na Bi>Hi<\/v> a &lt; b &amp; c/);
  assert.ok(!/<script|<font/.test(vtt));
  assert.equal(cleanCueText('<c.yellow.big>x</c> <ruby>漢<rt>kan</rt></ruby> <00:00:01.500>y'), '<c.yellow.big>x</c> <ruby>漢<rt>kan</rt></ruby> <00:00:01.500>y');
  assert.equal(cleanCueText('<img src=x onerror=alert(1)>'), '');
});

test('WebVTT input is checked and re-written the same way; NOTE blocks are dropped', () => {
  const { vtt, cues } = toWebVtt(utf8('WEBVTT - demo\n\nNOTE written by hand\n\nintro\n00:01.000 --> 00:02.000 align:start\nHello\n'));
  assert.equal(cues.length, 1);
  assert.equal(vtt, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 align:start\nHello\n');
});

test('an empty file, or one without cues, is refused', () => {
  assert.throws(() => toWebVtt(utf8('')), /no cues/);
  assert.throws(() => toWebVtt(utf8('WEBVTT\n')), /no cues/);
});
