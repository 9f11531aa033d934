import MarkdownIt from 'markdown-it';

// The same parser settings as the story renderer (src/articles/markdown.ts), used here only to
// find where code blocks are; inline parts are found with the patterns below.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

/** A `[onset-lint]: # (disable rule: reason)` line: the story turns rules off, with a reason. */
export interface LintDirective {
  rules: string[];
  reason: string;
  /** Offsets of the whole line in the source. */
  start: number;
  end: number;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

// A link reference definition renders nothing, so a directive written as one stays off the page
// (the renderer has html: false, so an HTML comment would show as text).
const DIRECTIVE = /^ {0,3}\[onset-lint\]:[ \t]+#[ \t]+\(([^)\n]*)\)[ \t]*$/gim;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm;
const CODE_SPAN = /(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;
const LINK_DESTINATION = /\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
const AUTOLINK = /<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s@<>]+@[^\s@<>]+>/gi;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()]+(?:\([^\s<>()]*\))?[^\s<>().,;:!?'"]*/gi;

export function parseDirectives(source: string): LintDirective[] {
  const out: LintDirective[] = [];
  for (const m of source.matchAll(DIRECTIVE)) {
    const body = m[1]!.trim();
    const parsed = /^disable\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::\s*(.*))?$/i.exec(body);
    out.push({
      rules: parsed ? parsed[1]!.split(',').map((r) => r.trim().toLowerCase()) : [],
      reason: parsed?.[2]?.trim() ?? '',
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/**
 * The source with everything that is not prose blanked out (code blocks and spans, link and image
 * destinations, URLs, reference definitions, directives), same length and same line breaks, so an
 * offset in the result is the same offset in the source and positions need no mapping back.
 */
export function maskMarkdown(source: string): string {
  const chars = source.split('');
  const blankRange = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  // Block code: fences and indented blocks, by the parser's line maps.
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const lineOffset = (line: number) => (line < lineStarts.length ? lineStarts[line]! : source.length);
  // Fences by a line scan; the parser (which costs more than the rest of the lint) only when an
  // indented line after a blank one may start an indented code block.
  const lines = source.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[l]!);
    if (!open) continue;
    const fence = open[1]!;
    let close = l + 1;
    while (close < lines.length && !new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \t]*$`).test(lines[close]!)) close++;
    blankRange(lineOffset(l), lineOffset(close + 1));
    l = close;
  }
  if (/\n[ \t]*\n(?: {4}|\t)/.test(source)) {
    for (const token of md.parse(source, {})) if (token.type === 'code_block' && token.map) blankRange(lineOffset(token.map[0]), lineOffset(token.map[1]));
  }
  let text = chars.join('');
  for (const pattern of [REFERENCE_DEFINITION, CODE_SPAN, LINK_DESTINATION, AUTOLINK, BARE_URL]) {
    text = text.replace(pattern, (m) => (pattern === LINK_DESTINATION ? ']' + blank(m.slice(1)) : blank(m)));
  }
  return text;
}
