/**
 * Benchmark harness: `npm run bench -- [--duration 10] [--connections 50] [--warmup 2] [--only a,b]
 * [--workers 1,2] [--database sqlite|postgres] [--scale N] [--nginx-workers 1]`.
 * Starts the server on a fresh data dir (and database), serves the same bytes from nginx as a
 * reference, measures each scenario with autocannon, prints a table and writes bench/results.json.
 */
import { Buffer } from 'node:buffer';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type LoadOptions } from './measure.js';
import { findNginx, startNginx, type RunningNginx, type StaticFile } from './nginx.js';
import { httpRequest, runCleanups } from './proc.js';
import { machineInfo, renderMemory, renderTable, writeResults, type Row } from './report.js';
import { makeContext, scenarios, type Scenario } from './scenarios.js';
import { makeDataDir, startServer, type BenchData, type ServerMemory } from './server.js';
import { buildDist, countRows, createBenchDatabase, generateScale, type GenerationReport } from './setup.js';
import { checkTargets, renderTargets } from './targets.js';
import { repoRoot } from './server.js';

const HELP = `Usage: npm run bench -- [options]
  --duration <s>       measured seconds per target (env BENCH_DURATION, default 10)
  --connections <n>    concurrent connections (env BENCH_CONNECTIONS, default 50)
  --warmup <s>         warm-up seconds per target, discarded (env BENCH_WARMUP, default 2)
  --only <a,b>         run only these scenarios (names: ${scenarios.map((s) => s.name).join(', ')})
  --workers <n[,m]>    start the server with --workers n; a list runs the page scenarios once per
                       value (writes only with the first); default: one process, no --workers
  --database <db>      sqlite (default) or postgres (a fresh database, dropped afterwards;
                       server from BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
  --database-url <u>   measure over this existing PostgreSQL database as it is (e.g. one filled
                       once by onset generate at 1M stories); nothing is created or dropped
  --scale <n>          before measuring, onset generate --stories n --comments 10n --votes 5n
  --nginx-workers <n>  nginx worker_processes for the reference (default 1, or "auto")
  --no-reference       skip nginx
  --from-source        run the TypeScript sources through tsx instead of building dist/ first
  --out <file>         results file (default bench/results.json)`;

interface Resolved {
  scenario: Scenario;
  method: string;
  path: string;
  /** For scenarios with `paths`: every request picks one of these at random. */
  paths?: string[];
  response: { status: number; bytes: Buffer; contentType: string };
}

/** One server configuration measured: its rows and its processes' peak memory. */
export interface RunResult {
  workers: number | null;
  label: string;
  rows: Row[];
  memory: ServerMemory | null;
}

function numberOpt(flag: string | undefined, env: string | undefined, fallback: number, name: string): number {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number (got ${JSON.stringify(raw)})`);
  return n;
}

function workersOpt(raw: string | undefined): Array<number | null> {
  if (raw === undefined) return [null];
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) throw new Error(`--workers must be whole numbers from 1 to 64, comma-separated (got ${JSON.stringify(raw)})`);
  return list;
}

const isPage = (s: Scenario) => !s.run && (s.method ?? 'GET') === 'GET';

/** Measures `selected` against one server (fresh process over the shared data) and stops it. */
async function runOnce(data: BenchData, workers: number | null, selected: Scenario[], load: LoadOptions, reference: { skip: string | undefined; nginxWorkers: string }): Promise<RunResult & { nginxVersion: string | null; referenceNote: string | undefined }> {
  const label = workers === null ? '1 process' : `--workers ${workers}`;
  console.log(`\n== ${label}: starting server...`);
  const server = await startServer(data, workers === null ? {} : { workers });
  console.log(`server ready at ${server.baseUrl} (pid ${server.pid})`);

  // Resolve each scenario's request and fetch its response once (exact bytes, no compression).
  const ctx = makeContext(server.baseUrl, server.database);
  const resolved: Resolved[] = [];
  for (const scenario of selected) {
    const method = scenario.method ?? 'GET';
    const paths = scenario.paths ? await scenario.paths(ctx) : undefined;
    const p = paths ? paths[0]! : typeof scenario.path === 'string' ? scenario.path : await scenario.path(ctx);
    const res = await httpRequest(server.baseUrl + p, method, scenario.body, scenario.headers);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`${scenario.name}: ${method} ${p} returned ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
    }
    const contentType = String(res.headers['content-type'] ?? 'text/html; charset=utf-8');
    resolved.push({ scenario, method, path: p, ...(paths ? { paths } : {}), response: { status: res.status, bytes: res.body, contentType } });
    console.log(`  ${scenario.name}: ${method} ${p}${paths ? ` (and ${paths.length - 1} more, picked at random)` : ''} -> ${res.status}, ${res.body.length} bytes, ${contentType}`);
  }

  // Reference: nginx serving the same bytes as static files.
  const files: StaticFile[] = resolved
    .filter((r) => r.scenario.reference !== undefined)
    .map((r) => ({
      id: r.scenario.name,
      body: r.scenario.reference === 'same-bytes' ? r.response.bytes : r.scenario.reference!,
      contentType: r.scenario.reference === 'same-bytes' ? r.response.contentType : 'text/html; charset=utf-8',
    }));
  let nginx: RunningNginx | undefined;
  let referenceNote = reference.skip;
  if (!referenceNote && files.length > 0) {
    const bin = findNginx();
    if (!bin) {
      referenceNote = 'nginx not found (install with `apt-get install -y nginx-light` or set NGINX_BIN)';
    } else {
      nginx = await startNginx(bin, files, reference.nginxWorkers);
      for (const f of files) {
        const res = await httpRequest(nginx.urlFor(f.id));
        if (res.status !== 200 || !res.body.equals(Buffer.from(f.body))) throw new Error(`nginx reference for ${f.id} does not serve the expected bytes (status ${res.status})`);
      }
      console.log(`nginx ${nginx.version} reference ready (worker_processes ${nginx.workers})`);
    }
  }
  if (referenceNote) console.log(`REFERENCE SKIPPED: ${referenceNote}; ratio will be n/a`);

  const rows: Row[] = [];
  for (const r of resolved) {
    const list = r.paths;
    const target = { url: server.baseUrl + r.path, method: r.method, headers: r.scenario.headers, body: r.scenario.body, ...(list ? { nextPath: () => list[Math.floor(Math.random() * list.length)]! } : {}) };
    const scenarioLoad = r.scenario.connections ? { ...load, connections: r.scenario.connections } : load;
    console.log(`measuring ${r.scenario.name} (server, ${label}, ${scenarioLoad.connections} connections)...`);
    const checked = r.scenario.run ? await r.scenario.run(ctx, target, scenarioLoad) : undefined;
    const stats = checked?.stats ?? (await measure(target, scenarioLoad));
    if (checked) console.log(`  ${checked.check.ok ? 'check' : 'CHECK FAILED'}: ${checked.check.detail}`);
    const serverRow: Row = { name: r.scenario.name, scenario: r.scenario.name, kind: 'server', workers, connections: scenarioLoad.connections, method: r.method, url: target.url, responseBytes: r.response.bytes.length, stats, ratioToReference: null, ...(checked ? { check: checked.check } : {}) };
    rows.push(serverRow);
    if (nginx && r.scenario.reference !== undefined) {
      const url = nginx.urlFor(r.scenario.name);
      console.log(`measuring ${r.scenario.name} (nginx)...`);
      const ref = await measure({ url }, scenarioLoad);
      rows.push({ name: `${r.scenario.name} (nginx)`, scenario: r.scenario.name, kind: 'reference', workers, connections: scenarioLoad.connections, method: 'GET', url, responseBytes: files.find((f) => f.id === r.scenario.name)!.body.length, stats: ref, ratioToReference: null });
      serverRow.ratioToReference = ref.reqPerSec > 0 ? stats.reqPerSec / ref.reqPerSec : null;
    }
  }

  const memory = server.peakMemory() ?? null; // before stopping: /proc entries vanish with the process
  await nginx?.stop();
  await server.stop();
  return { workers, label, rows, memory, nginxVersion: nginx?.version ?? null, referenceNote };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      workers: { type: 'string' },
      database: { type: 'string', default: 'sqlite' },
      'database-url': { type: 'string' },
      scale: { type: 'string' },
      'nginx-workers': { type: 'string', default: '1' },
      'no-reference': { type: 'boolean', default: false },
      'from-source': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(repoRoot, 'bench', 'results.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const load: LoadOptions = {
    durationSec: numberOpt(values.duration, process.env.BENCH_DURATION, 10, 'duration'),
    connections: Math.max(1, Math.round(numberOpt(values.connections, process.env.BENCH_CONNECTIONS, 50, 'connections'))),
    warmupSec: numberOpt(values.warmup, process.env.BENCH_WARMUP, 2, 'warmup'),
  };
  const workerList = workersOpt(values.workers);
  const existingUrl = values['database-url'];
  const database = existingUrl ? 'postgres' : values.database;
  if (database !== 'sqlite' && database !== 'postgres') throw new Error(`--database must be sqlite or postgres (got ${JSON.stringify(database)})`);
  const scale = values.scale === undefined ? null : numberOpt(values.scale, undefined, 0, 'scale');
  if (scale !== null && (!Number.isInteger(scale) || scale < 1)) throw new Error('--scale must be a whole number of stories, at least 1');
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  const unknown = only?.filter((n) => !scenarios.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0 || selected.length === 0) throw new Error(`unknown scenario(s): ${unknown.join(', ') || '(none selected)'}`);

  const [load1, load5, load15] = os.loadavg();
  console.log(`load average before the run: ${load1!.toFixed(2)} ${load5!.toFixed(2)} ${load15!.toFixed(2)} (${os.cpus().length} CPUs)`);
  console.log(`duration ${load.durationSec}s, warm-up ${load.warmupSec}s, ${load.connections} connections, database ${database}, workers ${workerList.map((w) => w ?? 'none').join(',')}${scale ? `, scale ${scale}` : ''}`);

  const data: BenchData = { dataDir: await makeDataDir() };
  let existing: ({ name: string } & Awaited<ReturnType<typeof countRows>>) | null = null;
  if (existingUrl) {
    if (scale) throw new Error('--scale generates into a fresh database; with --database-url the database is used as it is');
    data.databaseUrl = existingUrl;
    existing = { name: new URL(existingUrl).pathname.slice(1), ...(await countRows(existingUrl)) };
    console.log(`existing PostgreSQL database ${existing.name} (kept): ${existing.stories} stories, ${existing.comments} comments, ${existing.votes} votes`);
  } else if (database === 'postgres') {
    data.databaseUrl = await createBenchDatabase();
    console.log(`fresh PostgreSQL database ${new URL(data.databaseUrl).pathname.slice(1)} (dropped at the end)`);
  }
  // Compiled JavaScript, as `npm start` runs it (bin/onset.js picks dist/ when it is current).
  if (values['from-source']) process.env.BENCH_FROM_SOURCE = '1';
  else await buildDist();
  // A first start migrates, seeds the demo (with its media) and creates the first admin; the
  // measured servers are later starts over that data, as a deployed server's restarts are.
  console.log('preparing data (first start: migrations, demo seed, first admin; not measured)...');
  await (await startServer(data)).stop();
  let generation: GenerationReport | null = null;
  if (scale) {
    console.log(`generating ${scale} stories, ${scale * 10} comments, ${scale * 5} votes...`);
    generation = await generateScale(data, scale);
    console.log(`generated in ${generation.seconds.toFixed(1)} s (${generation.summary}); analyze ${generation.analyzeSeconds.toFixed(1)} s`);
  }

  const runs: Array<Awaited<ReturnType<typeof runOnce>>> = [];
  for (const [i, workers] of workerList.entries()) {
    // Writes change the data for every later run, so they run with the first configuration only.
    const forThisRun = i === 0 ? selected : selected.filter(isPage);
    if (forThisRun.length === 0) continue;
    runs.push(await runOnce(data, workers, forThisRun, load, { skip: values['no-reference'] ? 'skipped (--no-reference)' : undefined, nginxWorkers: values['nginx-workers'] }));
  }
  await runCleanups(); // drop the database and temp dirs now, before reporting

  for (const run of runs) {
    console.log(`\n${run.label} (${database}${scale ? `, scale ${scale}` : ''}${existing ? `, ${existing.stories} stories / ${existing.comments} comments` : ''})\n` + renderTable(run.rows));
    if (run.memory) console.log(renderMemory(run.memory));
  }
  if (generation) console.log(`\ngeneration: ${generation.command}: ${generation.seconds.toFixed(1)} s wall (${generation.summary}); then analyze: ${generation.analyzeSeconds.toFixed(1)} s`);
  const targets = checkTargets(runs, database, existing ? `${existing.stories} stories / ${existing.comments} comments` : scale ? `scale ${scale}` : null);
  console.log('\ntargets (issue 10):\n' + renderTargets(targets));

  const nginxVersion = runs.find((r) => r.nginxVersion)?.nginxVersion ?? null;
  const allRows = runs.flatMap((r) => r.rows);
  await writeResults(values.out, {
    date: new Date().toISOString(),
    machine: { ...machineInfo(), loadAverageBefore: [load1, load5, load15] },
    parameters: { ...load, scenarios: selected.map((s) => s.name), nginxWorkers: values['nginx-workers'], database, workers: workerList, scale, existingDatabase: existing },
    reference: nginxVersion ? { tool: 'nginx', version: nginxVersion } : { tool: null, note: runs[0]?.referenceNote ?? 'no scenario has a reference' },
    generation,
    runs: runs.map((r) => ({ workers: r.workers, label: r.label, memory: r.memory, rows: r.rows })),
    targets,
    rows: allRows,
  });
  console.log(`results written to ${path.relative(process.cwd(), values.out) || values.out}`);

  for (const r of allRows) if (r.check) console.log(`${r.name}: ${r.check.detail}`);
  const failures = allRows.filter((r) => r.stats.non2xx > 0 || r.stats.errors > 0 || r.check?.ok === false);
  for (const f of failures) {
    console.error(`FAIL: ${f.name}: ${f.stats.non2xx} non-2xx responses (${JSON.stringify(f.stats.statusCodes)}), ${f.stats.errors} errors (${f.stats.timeouts} timeouts)${f.check && !f.check.ok ? `; ${f.check.detail}` : ''}`);
  }
  return failures.length > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await runCleanups();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
    await runCleanups();
    process.exit(1);
  });
