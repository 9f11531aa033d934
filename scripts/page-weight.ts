// Page weight of a story as a reader's browser gets it: the HTML and every script and stylesheet
// it loads, each as transferred with `Accept-Encoding: br`, and any render-blocking request to a
// third-party host. Images and video are left out (the budget is "before images and video").
//
//   npm run weight                      # starts the server on a fresh data dir, the demo story
//   npm run weight -- --url http://127.0.0.1:3000 --path /articles/some-story
import http from 'node:http';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { Parser } from 'htmlparser2';
import { WATCH_ARTICLE_SLUG } from '../src/demo/demo.data.js';

/** The issue's budgets, compressed bytes. */
export const PAGE_BUDGET_BYTES = 30 * 1024;
export const JS_BUDGET_BYTES = 10 * 1024;
export const DEMO_STORY_PATH = `/articles/${WATCH_ARTICLE_SLUG}`;

export interface Resource {
  url: string;
  kind: 'html' | 'script' | 'stylesheet';
  /** Bytes on the wire (body as sent, compressed when the server compressed it). */
  transferBytes: number;
  contentEncoding: string | null;
  status: number;
}

export interface PageWeight {
  page: Resource;
  scripts: Resource[];
  stylesheets: Resource[];
  jsBytes: number;
  cssBytes: number;
  /** HTML + JS + CSS. */
  totalBytes: number;
  /** Render-blocking references to another host: a classic script (no async/defer/module) or a stylesheet. */
  blockingThirdParty: string[];
}

/** GET with `Accept-Encoding: br`, without decompressing, so the length is what travels. */
function getRaw(url: string): Promise<{ status: number; body: Buffer; encoding: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'accept-encoding': 'br', accept: 'text/html,*/*' }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: (res.headers['content-encoding'] as string | undefined) ?? null }));
      res.on('error', reject);
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
  });
}

interface Reference {
  kind: 'script' | 'stylesheet';
  href: string;
  blocking: boolean;
}

/** Scripts and stylesheets the HTML loads, and whether each one blocks rendering. */
export function pageReferences(html: string): Reference[] {
  const refs: Reference[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === 'script' && attrs.src !== undefined) {
        const deferred = 'async' in attrs || 'defer' in attrs || attrs.type === 'module';
        refs.push({ kind: 'script', href: attrs.src, blocking: !deferred });
      }
      if (name === 'link' && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet') && attrs.href) {
        // A stylesheet for another medium (print) does not hold up the first paint.
        const media = (attrs.media ?? 'all').toLowerCase();
        refs.push({ kind: 'stylesheet', href: attrs.href, blocking: media === 'all' || media === 'screen' || media === '' });
      }
    },
  });
  parser.write(html);
  parser.end();
  return refs;
}

export async function measurePageWeight(baseUrl: string, pagePath = DEMO_STORY_PATH): Promise<PageWeight> {
  const pageUrl = new URL(pagePath, baseUrl);
  const res = await getRaw(pageUrl.toString());
  if (res.status !== 200) throw new Error(`GET ${pageUrl} answered ${res.status}`);
  const html = (res.encoding === 'br' ? (await import('node:zlib')).brotliDecompressSync(res.body) : res.body).toString('utf8');
  const page: Resource = { url: pageUrl.toString(), kind: 'html', transferBytes: res.body.length, contentEncoding: res.encoding, status: res.status };
  const scripts: Resource[] = [];
  const stylesheets: Resource[] = [];
  const blockingThirdParty: string[] = [];
  for (const ref of pageReferences(html)) {
    const url = new URL(ref.href, pageUrl);
    if (url.origin !== pageUrl.origin) {
      // Another host is never fetched here (no network at run time); it only counts against the rule.
      if (ref.blocking) blockingThirdParty.push(`${ref.kind} ${url.toString()}`);
      continue;
    }
    const r = await getRaw(url.toString());
    const resource: Resource = { url: url.toString(), kind: ref.kind, transferBytes: r.body.length, contentEncoding: r.encoding, status: r.status };
    (ref.kind === 'script' ? scripts : stylesheets).push(resource);
  }
  const sum = (list: Resource[]) => list.reduce((s, r) => s + r.transferBytes, 0);
  const jsBytes = sum(scripts);
  const cssBytes = sum(stylesheets);
  return { page, scripts, stylesheets, jsBytes, cssBytes, totalBytes: page.transferBytes + jsBytes + cssBytes, blockingThirdParty };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function renderPageWeight(w: PageWeight): string {
  const line = (r: Resource) => `  ${r.kind.padEnd(10)} ${kb(r.transferBytes).padStart(9)}  ${r.contentEncoding ?? 'identity'}  ${r.url}${r.status === 200 ? '' : ` (status ${r.status})`}`;
  const verdict = (ok: boolean) => (ok ? 'met' : 'OVER');
  return [
    line(w.page),
    ...w.scripts.map(line),
    ...w.stylesheets.map(line),
    `page (HTML + JS + CSS): ${kb(w.totalBytes)} compressed; budget ${kb(PAGE_BUDGET_BYTES)}: ${verdict(w.totalBytes <= PAGE_BUDGET_BYTES)}`,
    `JavaScript: ${kb(w.jsBytes)} compressed; budget ${kb(JS_BUDGET_BYTES)}: ${verdict(w.jsBytes <= JS_BUDGET_BYTES)}`,
    `CSS: ${kb(w.cssBytes)} compressed`,
    `render-blocking third-party requests: ${w.blockingThirdParty.length === 0 ? 'none' : w.blockingThirdParty.join(', ')}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, path: { type: 'string', default: DEMO_STORY_PATH }, json: { type: 'boolean', default: false } } });
  let stop: (() => Promise<unknown>) | undefined;
  let baseUrl = values.url;
  if (!baseUrl) {
    // The same server an operator runs, on a fresh data dir (migrated and seeded with the demo).
    const { startTestServer } = await import('../test/helpers/server.js');
    const server = await startTestServer();
    baseUrl = server.url;
    stop = () => server.stop();
  }
  try {
    const weight = await measurePageWeight(baseUrl, values.path);
    console.log(values.json ? JSON.stringify(weight, null, 2) : renderPageWeight(weight));
    return weight.totalBytes <= PAGE_BUDGET_BYTES && weight.jsBytes <= JS_BUDGET_BYTES && weight.blockingThirdParty.length === 0 ? 0 : 1;
  } finally {
    await stop?.();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`page-weight failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
