// Makes the demo's self-hosted clip (src/demo/media/behind-the-scenes.webm) without ffmpeg:
// headless Chromium draws synthetic frames on a canvas and records them with MediaRecorder (VP8),
// then the Duration element Chromium leaves out is written into the WebM's Segment Info.
// Run once by hand (`npx tsx scripts/make-demo-video.ts`); the output is committed.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../test/helpers/browser.js';
import { addWebmDuration } from '../src/media/webm-duration.js';

const OUT = path.resolve('src/demo/media/behind-the-scenes.webm');
const SECONDS = 6;

const browser = await launchBrowser();
const page = await browser.newPage();
await page.setContent('<canvas width="320" height="180"></canvas>');
// Passed as source text: tsx would otherwise add helper calls the page does not have.
const base64 = await page.evaluate<string>(`(async (seconds) => {
  const canvas = document.querySelector('canvas');
  const g = canvas.getContext('2d');
  const stream = canvas.captureStream(15);
  const rec = new MediaRecorder(stream, { mimeType: 'video/webm;codecs=vp8', videoBitsPerSecond: 60_000 });
  const chunks = [];
  rec.ondataavailable = (e) => chunks.push(e.data);
  const done = new Promise((r) => (rec.onstop = r));
  rec.start();
  const start = performance.now();
  await new Promise((resolve) => {
    const draw = () => {
      const t = (performance.now() - start) / 1000;
      const grad = g.createLinearGradient(0, 0, 320, 180);
      grad.addColorStop(0, '#312e81');
      grad.addColorStop(1, '#be185d');
      g.fillStyle = grad;
      g.fillRect(0, 0, 320, 180);
      // A "butterfly" of two circles crossing the frame, and a clock so each frame differs.
      g.fillStyle = '#fde68a';
      const x = 40 + (t / seconds) * 240;
      g.beginPath();
      g.arc(x - 9, 90 + Math.sin(t * 4) * 20, 12, 0, Math.PI * 2);
      g.arc(x + 9, 90 + Math.sin(t * 4) * 20, 12, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#ffffff';
      g.font = 'bold 16px sans-serif';
      g.fillText('Onset test clip', 12, 24);
      g.fillText(\`\${t.toFixed(1)} s\`, 250, 168);
      if (t < seconds) requestAnimationFrame(draw);
      else resolve();
    };
    draw();
  });
  rec.stop();
  await done;
  const buf = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let s = '';
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
})(${SECONDS})`);
await browser.close();
const raw = Buffer.from(base64, 'base64');
fs.writeFileSync(OUT, addWebmDuration(raw, SECONDS * 1000));
console.log(`${OUT}: ${fs.statSync(OUT).size} bytes`);
