// `onset lint <file> [--format text|json] [--fix]`: the editorial linter on the command line,
// against the configured database's knowledge base (migrated and seeded with the demo if empty).
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { isEmpty, seedDemo } from '../demo/seed.js';
import { systemClock } from '../lib/clock.js';
import { openConfiguredDb } from '../server.js';
import { applyFixes, lintText, type Finding } from './engine.js';
import { loadLintKb } from './lint.service.js';

export const LINT_USAGE = `Usage: onset lint <file> [--format text|json] [--fix]
  --format text   one line per finding: file:line:col rule severity: message (default)
  --format json   a JSON array of findings
  --fix           write the suggested fixes of errors into the file, then report what is left
Exit status: 1 when errors remain, 0 otherwise, 2 on usage errors.
`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export async function runLintCli(argv: string[], config: Config, io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { format: { type: 'string', default: 'text' }, fix: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    io.stderr(`${(err as Error).message}\n\n${LINT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1 || (values.format !== 'text' && values.format !== 'json')) {
    io.stderr(LINT_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    io.stderr(`onset lint: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
    return 2;
  }

  const db = openConfiguredDb(config);
  let kb;
  try {
    await migrateToLatest(db);
    if (config.seedDemo && (await isEmpty(db.kysely))) await seedDemo({ db: db.kysely, clock: systemClock });
    kb = await loadLintKb(db.kysely);
  } finally {
    await db.close();
  }

  let findings = lintText(text, kb);
  if (values.fix) {
    const { text: fixed, applied } = applyFixes(text, findings.filter((f) => f.severity === 'error'));
    if (applied.length) {
      fs.writeFileSync(file, fixed);
      io.stderr(`onset lint: fixed ${applied.length} error${applied.length === 1 ? '' : 's'} in ${file}\n`);
      findings = lintText(fixed, kb);
    }
  }
  if (values.format === 'json') io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
  else io.stdout(findings.map((f) => formatFinding(file, f)).join(''));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export function formatFinding(file: string, f: Finding): string {
  const fix = f.suggestion !== undefined ? ` (fix: ${f.suggestion === '' ? 'delete it' : JSON.stringify(f.suggestion)})` : '';
  return `${file}:${f.line}:${f.column} ${f.ruleId} ${f.severity}: ${f.message}${fix}\n`;
}
