// Lighthouse (npm `lighthouse`, mobile preset) against a local server, driving Debian's chromium:
// prints performance, accessibility, best practices and SEO for the demo story and the home page,
// and the failing audits that cost performance points.
//
//   npm run lighthouse                        # starts the server on a fresh data dir
//   npm run lighthouse -- --url http://127.0.0.1:3000 [--path /articles/x] [--json out.json]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_STORY_PATH } from './page-weight.js';

const CHROME_PATH = '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** The issue's target for the demo story. */
const PERFORMANCE_TARGET = 98;

interface PageScores {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  metrics: Record<string, string>;
  /** Audits below full marks that weigh on a score, with Lighthouse's own display value. */
  opportunities: string[];
}

async function audit(url: string, port: number): Promise<PageScores> {
  // Lighthouse's default config is the mobile preset (Moto G class device, slow 4G throttling).
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)])) as PageScores['scores'];
  const metrics: Record<string, string> = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const a = lhr.audits[id];
    if (a?.displayValue) metrics[id] = a.displayValue;
  }
  const opportunities: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual') continue;
      opportunities.push(`${category}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    }
  }
  return { path: new URL(url).pathname, scores, metrics, opportunities };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, path: { type: 'string', multiple: true }, json: { type: 'string' } } });
  const paths = values.path ?? [DEMO_STORY_PATH, '/'];
  let stopServer: (() => Promise<unknown>) | undefined;
  let baseUrl = values.url;
  if (!baseUrl) {
    const { startTestServer } = await import('../test/helpers/server.js');
    const server = await startTestServer();
    baseUrl = server.url;
    stopServer = () => server.stop();
  }
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
  const results: PageScores[] = [];
  try {
    for (const p of paths) {
      const r = await audit(new URL(p, baseUrl).toString(), chrome.port);
      results.push(r);
      console.log(`${r.path}\n  ${CATEGORIES.map((c) => `${c} ${r.scores[c] ?? 'n/a'}`).join(', ')}`);
      console.log(`  ${Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      for (const o of r.opportunities) console.log(`  - ${o}`);
    }
  } finally {
    chrome.kill();
    await stopServer?.();
  }
  if (values.json) await writeFile(values.json, JSON.stringify(results, null, 2) + '\n');
  const story = results.find((r) => r.path === DEMO_STORY_PATH);
  if (story) {
    const perf = story.scores.performance ?? 0;
    console.log(`demo story performance ${perf} (target ${PERFORMANCE_TARGET}): ${perf >= PERFORMANCE_TARGET ? 'met' : 'MISSED'}`);
    return perf >= PERFORMANCE_TARGET ? 0 : 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`lighthouse failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
  },
);
