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
 * A 5×5 symmetric identicon as an SVG string, from the avatar key: the first bytes pick the hue,
 * the next 15 bits fill the left three columns, mirrored to the right.
 */
export function identiconSvg(key: string, sizePx = 40): string {
  // Regular commenters appear many times on a long thread: draw each avatar once.
  const memoKey = `${key}:${sizePx}`;
  const known = drawn.get(memoKey);
  if (known !== undefined) return known;
  const svg = drawIdenticon(key, sizePx);
  if (drawn.size >= DRAWN_MAX) drawn.clear();
  drawn.set(memoKey, svg);
  return svg;
}

const DRAWN_MAX = 5000;
const drawn = new Map<string, string>();

function drawIdenticon(key: string, sizePx: number): string {
  const bytes = Buffer.from(key.slice(0, 16).padEnd(16, '0'), 'hex');
  const hue = ((bytes[0]! << 8) | bytes[1]!) % 360;
  const bits = (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!;
  const cells: string[] = [];
  for (let col = 0; col < 3; col++) {
    for (let row = 0; row < 5; row++) {
      if (!((bits >> (col * 5 + row)) & 1)) continue;
      // One path of unit squares instead of a <rect> each: the same picture in a third of the bytes,
      // which adds up on a page with hundreds of comments.
      for (const x of col === 2 ? [2] : [col, 4 - col]) cells.push(`M${x + 0.5} ${row + 0.5}h1v1h-1z`);
    }
  }
  const fg = `hsl(${hue} 60% 50%)`;
  const bg = `hsl(${hue} 45% 92%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 6 6" width="${sizePx}" height="${sizePx}" aria-hidden="true" focusable="false" class="identicon"><rect width="6" height="6" fill="${escapeHtml(bg)}"/>${cells.length ? `<path fill="${escapeHtml(fg)}" d="${cells.join('')}"/>` : ''}</svg>`;
}
