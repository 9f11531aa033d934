// Avatars drawn here from a keyed hash of the email: no request to any third party (no Gravatar),
// and unlike a plain md5/sha256 of the email the key makes the hash useless for looking up an
// address.
import crypto from 'node:crypto';
import { escapeHtml } from './format.js';

/** HMAC-SHA256 of the lowercased email under `secret`, hex. Stored as the comment's avatar_key. */
export function avatarKey(email: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`avatar:${email.trim().toLowerCase()}`).digest('hex');
}

/** HMAC of (email, body): the per-article unique key that stops a duplicate comment; not the avatar key, so it links nothing. */
export function duplicateKey(email: string, body: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`duplicate:${email.trim().toLowerCase()}\n${body}`).digest('hex');
}

/**
 * A 5×5 symmetric identicon as a standalone SVG document (with xmlns and a size), from the avatar
 * key: the first bytes pick the hue, the next 15 bits fill the left three columns, mirrored to the
 * right. For the API, where it may be used as an image file.
 */
export function identiconSvg(key: string, sizePx = 40): string {
  return memo(`${key}:${sizePx}`, () => drawIdenticon(key, `xmlns="http://www.w3.org/2000/svg" viewBox="0 0 6 6" width="${sizePx}" height="${sizePx}"`));
}

/**
 * The same picture for inside an HTML page: no xmlns (HTML does not need it) and no size (the
 * stylesheet sizes .comment-avatar svg). Hundreds of comments on a page each carry one.
 */
export function inlineIdenticonSvg(key: string): string {
  return memo(`${key}:inline`, () => drawIdenticon(key, 'viewBox="0 0 6 6"'));
}

// Regular commenters appear many times on a long thread: draw each avatar once.
const DRAWN_MAX = 5000;
const drawn = new Map<string, string>();

function memo(memoKey: string, draw: () => string): string {
  const known = drawn.get(memoKey);
  if (known !== undefined) return known;
  const svg = draw();
  if (drawn.size >= DRAWN_MAX) drawn.clear();
  drawn.set(memoKey, svg);
  return svg;
}

function drawIdenticon(key: string, svgAttributes: string): string {
  const bytes = Buffer.from(key.slice(0, 16).padEnd(16, '0'), 'hex');
  const hue = ((bytes[0]! << 8) | bytes[1]!) % 360;
  const bits = (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!;
  // Bit (col * 5 + row) fills the cell at (col, row) of the left three columns, mirrored.
  const filled = (col: number, row: number) => ((bits >> ((col <= 2 ? col : 4 - col) * 5 + row)) & 1) === 1;
  // Each run of filled cells in a row is one stroke of width 1 along the row's middle: the same
  // squares as a filled path of unit squares, in a fraction of the bytes.
  let d = '';
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 5; col++) {
      if (!filled(col, row) || (col > 0 && filled(col - 1, row))) continue;
      let len = 1;
      while (col + len < 5 && filled(col + len, row)) len++;
      d += `M${col + 0.5} ${row + 1}h${len}`;
    }
  }
  const fg = `hsl(${hue} 60% 50%)`;
  const bg = `hsl(${hue} 45% 92%)`;
  return `<svg ${svgAttributes} aria-hidden="true"><rect width="6" height="6" fill="${escapeHtml(bg)}"/>${d ? `<path stroke="${escapeHtml(fg)}" d="${d.replace(/(^|[ M])0\./g, '$1.')}"/>` : ''}</svg>`;
}
