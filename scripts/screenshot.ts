// Full-page screenshots of the main pages, phone and desktop, light and dark, for a visual review.
//
//   tsx scripts/screenshot.ts <url> <outdir> [path ...]
//
// e.g. tsx scripts/screenshot.ts http://127.0.0.1:3210 /tmp/shots
// Writes <outdir>/<page>-<phone|desktop>-<light|dark>.png and prints each file it wrote.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../test/helpers/browser.js';

const DEFAULT_PATHS = [
  '/',
  '/articles/watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless',
  '/people/song-kang',
  '/dramas/nevertheless',
  '/nope',
];

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
] as const;

const SCHEMES = ['light', 'dark'] as const;

/** A file-name-safe name for a path: "/" → home, "/people/song-kang" → people-song-kang. */
function nameFor(urlPath: string): string {
  const name = urlPath
    .replace(/[?#].*$/, '')
    .replace(/^\/+|\/+$/g, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-+|-+$/g, '');
  // Long slugs are cut at a word boundary: articles-watch-song-kang-makes-sure-han-so-hee.
  const short = name.length > 44 ? name.slice(0, 45).replace(/-[^-]*$/, '') : name;
  return short || 'home';
}

async function main(argv: string[]): Promise<number> {
  const [base, outdir, ...paths] = argv;
  if (!base || !outdir) {
    process.stderr.write('Usage: tsx scripts/screenshot.ts <url> <outdir> [path ...]\n');
    return 2;
  }
  const origin = base.replace(/\/+$/, '');
  fs.mkdirSync(outdir, { recursive: true });
  const browser = await launchBrowser();
  let failures = 0;
  try {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          deviceScaleFactor: viewport.deviceScaleFactor,
          isMobile: viewport.isMobile,
          hasTouch: viewport.hasTouch,
          colorScheme,
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        page.on('pageerror', (err) => process.stderr.write(`  page error: ${err.message}\n`));
        for (const urlPath of paths.length ? paths : DEFAULT_PATHS) {
          const file = path.join(outdir, `${nameFor(urlPath)}-${viewport.name}-${colorScheme}.png`);
          try {
            const res = await page.goto(`${origin}${urlPath}`, { waitUntil: 'networkidle', timeout: 30_000 });
            await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
            process.stdout.write(`${file}  (${res?.status() ?? 'no response'})\n`);
          } catch (err) {
            failures++;
            process.stderr.write(`${file}: ${err instanceof Error ? err.message : String(err)}\n`);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return failures ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`screenshot: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
