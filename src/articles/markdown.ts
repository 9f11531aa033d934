import MarkdownIt, { type StateCore, type Token } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import type { EntityRef, NameIndex } from '../catalog/names.js';
import type { StoryMedia } from '../media/story-media.js';
import { VIDEO_SANITIZE, videoDirectivePlugin, withVideoAttributes } from '../media/video-directive.js';

/** What the renderer needs to turn the first mention of each linked entity into a link. */
export interface EntityLinking {
  index: NameIndex;
  /** `type:id` of the entities this story is linked to; only those become links. */
  linked: Set<string>;
}

const TYPE_PREFERENCE: EntityRef['type'][] = ['person', 'drama', 'role'];

function pickTarget(candidates: EntityRef[], linking: EntityLinking): EntityRef | undefined {
  for (const type of TYPE_PREFERENCE) {
    const ofType = candidates.filter((c) => c.type === type);
    // Two people with one name: never guess (the linker reported it to the editor).
    if (ofType.length > 1) return undefined;
    const only = ofType[0];
    if (only && linking.linked.has(`${only.type}:${only.id}`)) return only;
  }
  return undefined;
}

/** markdown-it core rule: links the first mention of each linked entity in body text. */
function entityLinksRule(state: StateCore): void {
  const linking = (state.env as { linking?: EntityLinking }).linking;
  if (!linking) return;
  const done = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const block = tokens[i]!;
    if (block.type !== 'inline' || !block.children) continue;
    // Headings stay plain: the first mention in the prose is the one a reader follows.
    if (tokens[i - 1]?.type === 'heading_open') continue;
    const out: Token[] = [];
    let linkDepth = 0;
    let emphasisDepth = 0;
    for (const child of block.children) {
      if (child.type === 'em_open') emphasisDepth++;
      if (child.type === 'em_close') emphasisDepth--;
      if (child.type === 'link_open') linkDepth++;
      if (child.type === 'link_close') linkDepth--;
      if (child.type !== 'text' || linkDepth > 0) {
        out.push(child);
        continue;
      }
      let rest = child.content;
      let offset = 0;
      const text = child.content;
      for (const m of linking.index.find(text, { markedAsTitle: emphasisDepth > 0 })) {
        const target = pickTarget(m.candidates, linking);
        if (!target) continue;
        const key = `${target.type}:${target.id}`;
        if (done.has(key)) continue;
        done.add(key);
        const before = text.slice(offset, m.start);
        if (before) out.push(textToken(state, before));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', target.href], ['class', `entity entity-${target.type}`]];
        out.push(open, textToken(state, m.text), new state.Token('link_close', 'a', -1));
        offset = m.end;
      }
      rest = text.slice(offset);
      if (offset === 0) out.push(child);
      else if (rest) out.push(textToken(state, rest));
    }
    block.children = out;
  }
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token('text', '', 0);
  t.content = content;
  return t;
}

// Raw HTML in a story is shown as text (html: false); links are checked by markdown-it's
// validateLink (no javascript:, vbscript:, file: or data: other than images).
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.core.ruler.push('entity_links', entityLinksRule);
// ```video blocks (src/media/video-directive.ts): players and click-to-load facades.
md.use(videoDirectivePlugin);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'pre', 'a', 'hr', 's', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', ...VIDEO_SANITIZE.tags],
  allowedAttributes: withVideoAttributes({ a: ['href', 'class', 'title', 'rel'], img: ['src', 'alt', 'title', 'width', 'height', 'loading'], th: ['style'], td: ['style'] }),
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // <source> and <track> of the video markup are void elements: no end tag.
  selfClosing: [...sanitizeHtml.defaults.selfClosing, ...VIDEO_SANITIZE.selfClosing],
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener' } : attribs };
    },
  },
};

/**
 * Renders a story's Markdown to safe HTML. Headings in the body start at h2 (the headline is h1).
 * The output passes an allowlist sanitizer as a second line of defence.
 */
export function renderStoryMarkdown(source: string, linking?: EntityLinking, media?: StoryMedia): string {
  const shifted = source.replace(/^#(?=\s)/gm, '##');
  return sanitizeHtml(md.render(shifted, { linking, media }), SANITIZE);
}

/** Plain text of a Markdown source (for descriptions and search snippets), unescaped. */
export function markdownToText(source: string): string {
  const parts: string[] = [];
  for (const block of md.parse(source, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    for (const t of block.children) {
      if (t.type === 'text' || t.type === 'code_inline') parts.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') parts.push(' ');
    }
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * The words of a Markdown source with the markup taken out, paragraphs kept apart by a blank line
 * and line breaks kept: what the entity linker reads so that a name split by markup
 * (`**Song** Kang`, `Song *Kang*`) is still one name.
 */
export function markdownToLinkText(source: string): string {
  const blocks: string[] = [];
  for (const block of md.parse(source, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    let text = '';
    for (const t of block.children) {
      if (t.type === 'text' || t.type === 'code_inline') text += t.content;
      else if (t.type === 'softbreak' || t.type === 'hardbreak') text += '\n';
    }
    blocks.push(text);
  }
  return blocks.join('\n\n');
}
