import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runOnset } from '../../test/helpers/server.js';
import { DEMO_WEBM } from './media.test-support.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-media-cli-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('onset media add stores a video and its SRT subtitles as WebVTT under DATA_DIR/media', async () => {
  const srt = path.join(dir, 'subs.srt');
  fs.writeFileSync(srt, '\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHello\r\n');
  const env = { DATA_DIR: path.join(dir, 'data'), SEED_DEMO: '0' };
  const res = await runOnset(['media', 'add', DEMO_WEBM, '--title', 'CLI clip', '--subtitles', `en=${srt}`], env);
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stdout, 'Video 1 stored.\nSubtitles en (English): 1 cues.\n');
  const files = fs.readdirSync(path.join(dir, 'data', 'media'), { recursive: true }).map(String);
  const vtt = files.find((f) => f.endsWith('.vtt'))!;
  assert.equal(fs.readFileSync(path.join(dir, 'data', 'media', vtt), 'utf8'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n');
  assert.ok(files.some((f) => f.endsWith('.webm')));

  const bad = await runOnset(['media', 'add', srt, '--title', 'Not a video'], env);
  assert.equal(bad.code, 1);
  assert.equal(bad.stderr, 'onset media: the file is not an MP4 or WebM video\n');
});
