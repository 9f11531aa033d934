// The rules the W3C feed validator's test cases encode (testdata/feeds/w3c-feedvalidator), as a
// checker over a real XML parse. Tests prove it against those cases, then hold our feeds to it.
import { XMLParser } from 'fast-xml-parser';

export interface Problem {
  code: string;
  severity: 'error' | 'warning';
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', parseTagValue: false, trimValues: true, processEntities: true, isArray: (name) => ['item', 'entry', 'link', 'guid', 'title', 'id', 'updated', 'author', 'description'].includes(name) });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const RFC822 = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,(\s*))?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4}|\d{2})\s+(\d\d):(\d\d)(?::(\d\d))?\s+(GMT|UT|[+-]\d{4}|[A-Z]{1,3})$/i;
const RFC3339 = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && '#text' in v ? String((v as Record<string, unknown>)['#text']) : '');
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

// RFC 822 allows (comments), nested and with \-escapes, wherever whitespace may go.
function withoutComments(s: string): string {
  for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(/\((?:[^()\\]|\\.)*\)/g, ' ')];
  return s;
}

function checkRfc822(value: string, out: Problem[]): void {
  const m = RFC822.exec(withoutComments(value).trim());
  if (!m) return void out.push({ code: 'InvalidRFC2822Date', severity: 'error' });
  if (m[1] && m[2] === '') out.push({ code: 'ProblematicalRFC822Date', severity: 'warning' });
  const year = m[5]!.length === 2 ? (Number(m[5]) < 50 ? 2000 : 1900) + Number(m[5]) : Number(m[5]);
  const date = new Date(Date.UTC(year, MONTHS.indexOf(cap(m[4]!)), Number(m[3])));
  if (date.getUTCDate() !== Number(m[3])) return void out.push({ code: 'InvalidRFC2822Date', severity: 'error' });
  if (m[1] && DAYS[date.getUTCDay()] !== cap(m[1])) out.push({ code: 'InvalidRFC2822Date', severity: 'error' });
}

function checkRfc3339(value: string, out: Problem[]): void {
  const m = RFC3339.exec(value.trim());
  if (!m) return void out.push({ code: 'InvalidRFC3339Date', severity: 'error' });
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCDate() !== Number(m[3]) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60) out.push({ code: 'InvalidRFC3339Date', severity: 'error' });
}

function hasScript(v: unknown): boolean {
  if (typeof v === 'string') return /<script\b/i.test(v);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => k === 'script' || k.endsWith(':script') || hasScript(x));
  return false;
}

/** Problems the validator would report for a feed document given as bytes. */
export function feedProblems(bytes: Buffer): Problem[] {
  const out: Problem[] = [];
  const declared = /^<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase() ?? 'utf-8';
  if ((declared === 'us-ascii' || declared === 'ascii') && bytes.some((b) => b > 127)) out.push({ code: 'UnicodeError', severity: 'error' });
  let source: string;
  try {
    source = new TextDecoder(declared === 'us-ascii' ? 'utf-8' : declared, { fatal: true }).decode(bytes);
  } catch {
    return [...out, { code: 'UnicodeError', severity: 'error' }];
  }
  const doc = parser.parse(source) as Record<string, any>;
  if (doc.rss) {
    const channel = doc.rss.channel ?? {};
    if (!list(channel.title).length) out.push({ code: 'MissingTitle', severity: 'error' });
    if (!list(channel.link).length) out.push({ code: 'MissingLink', severity: 'error' });
    if (!list(channel.description).length) out.push({ code: 'MissingDescription', severity: 'error' });
    if (channel.pubDate) checkRfc822(text(channel.pubDate), out);
    if (channel.lastBuildDate) checkRfc822(text(channel.lastBuildDate), out);
    const guids = new Set<string>();
    for (const item of list(channel.item) as Record<string, any>[]) {
      if (!list(item.title).length && !list(item.description).length) out.push({ code: 'ItemMustContainTitleOrDescription', severity: 'error' });
      const g = list(item.guid);
      if (g.length > 1) out.push({ code: 'DuplicateElement', severity: 'error' });
      for (const guid of g) {
        const value = text(guid);
        if (guids.has(value)) out.push({ code: 'DuplicateValue', severity: 'error' });
        guids.add(value);
        const permalink = typeof guid === 'object' ? (guid as Record<string, string>)['@_isPermaLink'] : undefined;
        if (permalink !== 'false' && !/^https?:\/\/[^\s]+$/.test(value)) out.push({ code: 'InvalidHttpGUID', severity: 'error' });
      }
      if (item.pubDate) checkRfc822(text(item.pubDate), out);
      for (const d of list(item.description)) if (hasScript(text(d))) out.push({ code: 'SecurityRisk', severity: 'warning' });
      if (item['content:encoded'] && hasScript(text(item['content:encoded']))) out.push({ code: 'SecurityRisk', severity: 'warning' });
    }
    return out;
  }
  if (doc.feed) {
    const feed = doc.feed;
    if (feed['@_xmlns'] !== 'http://www.w3.org/2005/Atom') out.push({ code: 'InvalidNamespace', severity: 'error' });
    for (const name of ['id', 'title', 'updated'] as const) if (!list(feed[name]).length) out.push({ code: `MissingElement:${name}`, severity: 'error' });
    for (const u of list(feed.updated)) checkRfc3339(text(u), out);
    if (!(list(feed.link) as Record<string, string>[]).some((l) => l['@_rel'] === 'self')) out.push({ code: 'MissingSelf', severity: 'warning' });
    const feedAuthor = list(feed.author).length > 0;
    const ids = new Set<string>();
    for (const entry of list(feed.entry) as Record<string, any>[]) {
      for (const name of ['id', 'title', 'updated'] as const) if (!list(entry[name]).length) out.push({ code: `MissingElement:${name}`, severity: 'error' });
      if (list(entry.title).length > 1) out.push({ code: 'DuplicateElement', severity: 'error' });
      for (const id of list(entry.id)) {
        if (ids.has(text(id))) out.push({ code: 'DuplicateIds', severity: 'error' });
        ids.add(text(id));
      }
      for (const u of list(entry.updated)) checkRfc3339(text(u), out);
      for (const p of list(entry.published)) checkRfc3339(text(p), out);
      if (!feedAuthor && !list(entry.author).length) out.push({ code: 'MissingElement:author', severity: 'error' });
      const links = list(entry.link) as Record<string, string>[];
      if (!entry.content && !links.some((l) => (l['@_rel'] ?? 'alternate') === 'alternate')) out.push({ code: 'MissingContentOrAlternate', severity: 'error' });
      // Only html and xhtml content is markup; type="text" (the default) is shown as text.
      const markup = (v: unknown) => v !== undefined && typeof v === 'object' && ['html', 'xhtml'].includes(String((v as Record<string, unknown>)['@_type'])) && hasScript(v);
      if (markup(entry.content) || markup(entry.summary)) out.push({ code: 'SecurityRisk', severity: 'warning' });
    }
    return out;
  }
  return [{ code: 'UnknownFormat', severity: 'error' }];
}
