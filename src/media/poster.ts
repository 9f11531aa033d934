import { loadSharp } from './sharp.js';

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Splits a title into at most three lines of about `width` characters for the poster. */
function wrap(title: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines.slice(2).join(' ').slice(0, width - 1)}…`] : lines;
}

/**
 * A 1280×720 JPEG poster made here: a gradient with the video's title. The title sits low so the
 * play button in the middle never covers it. Used when no frame or
 * uploaded poster exists (there is no ffmpeg to grab a frame), and for third-party videos, whose
 * own thumbnails would be a request to the provider before the reader chose to play.
 */
export async function generatePoster(title: string, hue = 330): Promise<Buffer> {
  const lines = wrap(title, 34);
  const text = lines
    .map((l, i) => `<text x="80" y="${640 - (lines.length - 1) * 68 + i * 68}" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="52" fill="#fff">${escapeXml(l)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(hue + 250) % 360},55%,22%)"/><stop offset="1" stop-color="hsl(${hue},65%,42%)"/></linearGradient></defs>
<rect width="1280" height="720" fill="url(#g)"/>${text}</svg>`;
  const sharp = await loadSharp();
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}
