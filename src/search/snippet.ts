import { foldCase } from './normalize.js';

/** A piece of snippet text; `mark` pieces matched the query. Rendered as text, never as HTML. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const SNIPPET_CHARS = 180;

/**
 * A window of `text` around the first match of any of `needles`, cut into marked and plain parts.
 * Matching ignores case and accents; the parts keep the text as written.
 */
export function buildSnippet(text: string, needles: string[], maxChars = SNIPPET_CHARS): SnippetPart[] {
  const folded = foldCase(text);
  // foldCase keeps length for the Latin and Hangul text we index; if not, fall back to no marks.
  const sameLength = folded.length === text.length;
  const wanted = [...new Set(needles.map(foldCase).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  const hits: [number, number][] = [];
  if (sameLength) {
    for (const n of wanted) {
      let from = 0;
      for (let i = folded.indexOf(n, from); i >= 0; i = folded.indexOf(n, from)) {
        from = i + n.length;
        // Whole words at the start only: "kang" should not mark "Kangaroo"'s middle, but may mark a prefix.
        if (i > 0 && /[\p{L}\p{N}]/u.test(folded[i - 1]!)) continue;
        if (!hits.some(([s, e]) => i < e && i + n.length > s)) hits.push([i, i + n.length]);
      }
    }
  }
  hits.sort((a, b) => a[0] - b[0]);
  let start = 0;
  if (hits.length && text.length > maxChars) start = Math.max(0, hits[0]![0] - 40);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space > 0 && space < hits[0]![0]) start = space + 1;
  }
  let end = Math.min(text.length, start + maxChars);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + maxChars / 2) end = space;
  }
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '… ', mark: false });
  let at = start;
  for (const [s, e] of hits) {
    if (s < at || e > end) continue;
    if (s > at) parts.push({ text: text.slice(at, s), mark: false });
    parts.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) parts.push({ text: ' …', mark: false });
  return parts;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The snippet as HTML for API clients: every text part escaped, only our own <mark> added. */
export function snippetHtml(parts: SnippetPart[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}
