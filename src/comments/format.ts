// Comment bodies are plain text with a small safe subset: paragraphs, line breaks, autolinked
// URLs (rel="nofollow ugc"), **bold**, *italic*, > quote and `code`. Every character typed is
// escaped first; the only tags in the output are the ones built here, so any HTML typed in is
// shown as text.
import { findUrls } from './admission.checks.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Longest text shown for a link before it is shortened with an ellipsis. */
const MAX_LINK_TEXT = 60;

function linkHtml(url: string): string {
  // Trailing punctuation usually ends the sentence, not the URL.
  const trail = /[.,;:!?)\]]+$/.exec(url)?.[0] ?? '';
  const bare = trail ? url.slice(0, -trail.length) : url;
  const href = bare.startsWith('www.') ? `http://${bare}` : bare;
  const text = bare.length > MAX_LINK_TEXT ? `${bare.slice(0, MAX_LINK_TEXT - 1)}…` : bare;
  return `<a href="${escapeHtml(href)}" rel="nofollow ugc">${escapeHtml(text)}</a>${escapeHtml(trail)}`;
}

/** Bold, italic and code inside one line of already-escaped text. */
function inlineMarks(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1<em>$2</em>');
}

/** One line: code spans and URLs kept apart from the other marks, the rest escaped and marked. */
function formatLine(line: string): string {
  let out = '';
  let rest = line;
  while (rest) {
    const code = /`([^`]+)`/.exec(rest);
    const urls = findUrls(rest);
    const urlAt = urls.length ? rest.indexOf(urls[0]!) : -1;
    const codeAt = code ? code.index : -1;
    if (codeAt < 0 && urlAt < 0) {
      out += inlineMarks(escapeHtml(rest));
      break;
    }
    if (codeAt >= 0 && (urlAt < 0 || codeAt <= urlAt)) {
      out += inlineMarks(escapeHtml(rest.slice(0, codeAt))) + `<code>${escapeHtml(code![1]!)}</code>`;
      rest = rest.slice(codeAt + code![0].length);
    } else {
      out += inlineMarks(escapeHtml(rest.slice(0, urlAt))) + linkHtml(urls[0]!);
      rest = rest.slice(urlAt + urls[0]!.length);
    }
  }
  return out;
}

/** HTML of a comment body. Safe to put in a page as is: built only from escaped parts. */
export function formatCommentBody(body: string): string {
  const paragraphs = body.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/);
  return paragraphs
    .filter((p) => p.trim())
    .map((p) => {
      const lines = p.split('\n');
      if (lines.every((l) => /^\s*>/.test(l))) {
        return `<blockquote><p>${lines.map((l) => formatLine(l.replace(/^\s*>\s?/, ''))).join('<br>')}</p></blockquote>`;
      }
      return `<p>${lines.map(formatLine).join('<br>')}</p>`;
    })
    .join('');
}

/** The body as one line of plain text, for excerpts (moderation lists, feeds). */
export function commentExcerpt(body: string, max = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
