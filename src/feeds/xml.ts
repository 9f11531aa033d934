// A tiny XML writer for feeds and sitemaps: every text and attribute value is escaped here, and
// characters XML 1.0 forbids are dropped, so no stored string can break a document's structure.

const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** An element: a name, attributes (undefined ones left out) and children (strings are text). */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string | number | undefined> | undefined;
  children?: (XmlNode | string | undefined | null | false)[] | undefined;
}

export const el = (name: string, attrs?: XmlNode['attrs'], ...children: NonNullable<XmlNode['children']>): XmlNode => ({ name, attrs, children });

function write(node: XmlNode, out: string[]): void {
  out.push(`<${node.name}`);
  for (const [k, v] of Object.entries(node.attrs ?? {})) if (v !== undefined) out.push(` ${k}="${escapeXml(String(v))}"`);
  const kids = (node.children ?? []).filter((c): c is XmlNode | string => c !== undefined && c !== null && c !== false);
  if (!kids.length) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const c of kids) typeof c === 'string' ? out.push(escapeXml(c)) : write(c, out);
  out.push(`</${node.name}>`);
}

/** A whole UTF-8 document with its declaration (the encoding said is the encoding sent). */
export function xmlDocument(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
