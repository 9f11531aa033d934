// Headless Chromium for end-to-end tests and screenshots: Debian's chromium driven by playwright-core
// (which ships no browser of its own).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { TestServer } from './server.js';

/** Where the browser is; CHROMIUM_PATH overrides the Debian default. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumAvailable()) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, timeout: 60_000 });
}

/**
 * One server and one browser for a suite (started in `before`, stopped in `after`), and
 * `withPage`: a fresh page in its own context that fails the test on an uncaught page error and
 * is closed afterwards, pass or fail.
 */
export function useBrowserAndServer(start: () => Promise<TestServer>) {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([start(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    /** The running server; only inside tests. */
    get server(): TestServer {
      if (!server) throw new Error('server not started');
      return server;
    },
    async withPage<T>(options: BrowserContextOptions, work: (page: Page) => Promise<T>): Promise<T> {
      if (!browser || !server) throw new Error('browser or server not started');
      const context = await browser.newContext({ baseURL: server.url, ...options });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      try {
        const result = await work(page);
        assert.deepEqual(errors, [], 'no uncaught errors in page scripts');
        return result;
      } finally {
        await context.close();
      }
    },
  };
}
