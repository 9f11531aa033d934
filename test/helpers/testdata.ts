// The shared real-world test corpus (XSS vectors, W3C feed cases ...) lives beside the checkout,
// in ../shared/testdata, not in this repository. ONSET_TESTDATA_DIR points elsewhere (a clone made
// outside the workspace). Tests that need a file skip, saying why, when it is not there.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared testdata folder: ONSET_TESTDATA_DIR, or ../shared/testdata next to the checkout. */
export const TESTDATA_DIR = process.env.ONSET_TESTDATA_DIR || path.resolve(repoRoot, '../shared/testdata');

/** Absolute path of `relative` in the shared testdata. */
export const testdataPath = (relative: string): string => path.join(TESTDATA_DIR, relative);

/** For a test's `skip` option: false when `relative` exists, else the reason it is skipped. */
export function skipWithoutTestdata(relative: string): false | string {
  return fs.existsSync(testdataPath(relative)) ? false : `testdata/${relative} not found in ${TESTDATA_DIR} (set ONSET_TESTDATA_DIR)`;
}
