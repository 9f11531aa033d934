// The real `onset lint` command, spawned as a user runs it, on a fresh SQLite data folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-lint-cli-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function onset(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [path.join(root, 'bin/onset.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function story(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

test('onset lint prints compiler-style lines and exits 1 on errors (fresh database: migrated and seeded)', () => {
  const file = story('a.md', '# News\n\nKang song like Park Jae Uhn.\n');
  const r = onset(['lint', file]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], `${file}:3:1 name-order error: “Kang song” swaps family and given name: the knowledge base has “Song Kang” (family name first) (fix: "Song Kang")`);
  assert.match(lines[1]!, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:11 role-as error: `));
});

test('onset lint --format json prints the findings array', () => {
  const file = story('b.md', 'Yan Hye Ji in Nevertheless.\n');
  const r = onset(['lint', file, '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const findings = JSON.parse(r.stdout) as { ruleId: string; line: number; column: number; text: string; suggestion: string; entity: { name: string } }[];
  assert.deepEqual(findings.map((f) => [f.ruleId, f.line, f.column, f.text, f.suggestion, f.entity.name]), [['name-spelling', 1, 1, 'Yan Hye Ji', 'Yang Hye Ji', 'Yang Hye Ji']]);
});

test('onset lint --fix writes the fixes of errors, leaves info alone, and exits 0 when no error is left', () => {
  const file = story('c.md', 'Kang song like Park Jae Uhn. Han So Hee and Han So-hee. Song. Kang smiled.\n');
  const r = onset(['lint', file, '--fix']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), 'Song Kang as Park Jae Uhn. Han So Hee and Han So-hee. Song Kang smiled.\n');
  assert.match(r.stdout, /inconsistent-spelling info/);
});

test('onset lint: a clean story exits 0 with no output; usage errors exit 2', () => {
  const clean = story('d.md', 'Song Kang plays Park Jae Eon opposite Han So Hee in *Nevertheless*. 송강은 웃었다.\n');
  const ok = onset(['lint', clean]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.equal(ok.stdout, '');
  assert.equal(onset(['lint']).code, 2);
  assert.equal(onset(['lint', clean, '--format', 'xml']).code, 2);
  const missing = onset(['lint', path.join(dir, 'nope.md')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.md: ENOENT/);
});
