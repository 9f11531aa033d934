/**
 * Benchmark harness: `npm run bench -- [--duration 10] [--connections 50] [--warmup 2] [--only a,b] [--nginx-workers 1]`.
 * Starts the server on a fresh data dir, serves the same bytes from nginx as a reference,
 * measures each scenario with autocannon, prints a table and writes bench/results.json.
 */
import { Buffer } from 'node:buffer';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure, type LoadOptions } from './measure.js';
import { findNginx, startNginx, type RunningNginx, type StaticFile } from './nginx.js';
import { httpRequest, runCleanups } from './proc.js';
import { machineInfo, renderTable, writeResults, type Row } from './report.js';
import { makeContext, scenarios, type Scenario } from './scenarios.js';
import { repoRoot, startServer } from './server.js';

const HELP = `Usage: npm run bench -- [options]
  --duration <s>       measured seconds per target (env BENCH_DURATION, default 10)
  --connections <n>    concurrent connections (env BENCH_CONNECTIONS, default 50)
  --warmup <s>         warm-up seconds per target, discarded (env BENCH_WARMUP, default 2)
  --only <a,b>         run only these scenarios (names: ${scenarios.map((s) => s.name).join(', ')})
  --nginx-workers <n>  nginx worker_processes for the reference (default 1, or "auto")
  --no-reference       skip nginx
  --out <file>         results file (default bench/results.json)`;

interface Resolved {
  scenario: Scenario;
  method: string;
  path: string;
  response: { status: number; bytes: Buffer; contentType: string };
}

function numberOpt(flag: string | undefined, env: string | undefined, fallback: number, name: string): number {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number (got ${JSON.stringify(raw)})`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      only: { type: 'string' },
      'nginx-workers': { type: 'string', default: '1' },
      'no-reference': { type: 'boolean', default: false },
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
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const selected = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  const unknown = only?.filter((n) => !scenarios.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0 || selected.length === 0) throw new Error(`unknown scenario(s): ${unknown.join(', ') || '(none selected)'}`);

  console.log(`duration ${load.durationSec}s, warm-up ${load.warmupSec}s, ${load.connections} connections`);
  console.log('starting server (fresh DATA_DIR, migrate + seed)...');
  const server = await startServer();
  console.log(`server ready at ${server.baseUrl} (pid ${server.pid})`);

  // Resolve each scenario's request and fetch its response once (exact bytes, no compression).
  const ctx = makeContext(server.baseUrl, server.database);
  const resolved: Resolved[] = [];
  for (const scenario of selected) {
    const method = scenario.method ?? 'GET';
    const p = typeof scenario.path === 'string' ? scenario.path : await scenario.path(ctx);
    const res = await httpRequest(server.baseUrl + p, method, scenario.body, scenario.headers);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`${scenario.name}: ${method} ${p} returned ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
    }
    const contentType = String(res.headers['content-type'] ?? 'text/html; charset=utf-8');
    resolved.push({ scenario, method, path: p, response: { status: res.status, bytes: res.body, contentType } });
    console.log(`  ${scenario.name}: ${method} ${p} -> ${res.status}, ${res.body.length} bytes, ${contentType}`);
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
  let referenceNote: string | undefined;
  if (values['no-reference']) referenceNote = 'skipped (--no-reference)';
  else if (files.length > 0) {
    const bin = findNginx();
    if (!bin) {
      referenceNote = 'nginx not found (install with `apt-get install -y nginx-light` or set NGINX_BIN)';
    } else {
      nginx = await startNginx(bin, files, values['nginx-workers']);
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
    const target = { url: server.baseUrl + r.path, method: r.method, headers: r.scenario.headers, body: r.scenario.body };
    console.log(`measuring ${r.scenario.name} (server)...`);
    const checked = r.scenario.run ? await r.scenario.run(ctx, target, load) : undefined;
    const stats = checked?.stats ?? (await measure(target, load));
    if (checked) console.log(`  ${checked.check.ok ? 'check' : 'CHECK FAILED'}: ${checked.check.detail}`);
    const serverRow: Row = {
      name: r.scenario.name,
      scenario: r.scenario.name,
      kind: 'server',
      method: r.method,
      url: target.url,
      responseBytes: r.response.bytes.length,
      stats,
      ratioToReference: null,
      ...(checked ? { check: checked.check } : {}),
    };
    rows.push(serverRow);
    if (nginx && r.scenario.reference !== undefined) {
      const url = nginx.urlFor(r.scenario.name);
      console.log(`measuring ${r.scenario.name} (nginx)...`);
      const ref = await measure({ url }, load);
      rows.push({ name: `${r.scenario.name} (nginx)`, scenario: r.scenario.name, kind: 'reference', method: 'GET', url, responseBytes: files.find((f) => f.id === r.scenario.name)!.body.length, stats: ref, ratioToReference: null });
      serverRow.ratioToReference = ref.reqPerSec > 0 ? stats.reqPerSec / ref.reqPerSec : null;
    }
  }

  const rss = server.peakRss();
  await runCleanups(); // stop nginx and the server now, before reporting

  console.log('\n' + renderTable(rows));
  if (rss) console.log(`\nserver peak RSS (VmHWM): ${(rss.peakRssKb / 1024).toFixed(1)} MiB`);

  await writeResults(values.out, {
    date: new Date().toISOString(),
    machine: machineInfo(),
    parameters: { ...load, scenarios: resolved.map((r) => r.scenario.name), nginxWorkers: nginx?.workers ?? null },
    reference: nginx ? { tool: 'nginx', version: nginx.version } : { tool: null, note: referenceNote ?? 'no scenario has a reference' },
    server: { peakRssKb: rss?.peakRssKb ?? null, processes: rss?.processes ?? [] },
    rows,
  });
  console.log(`results written to ${path.relative(process.cwd(), values.out) || values.out}`);

  for (const r of rows) if (r.check) console.log(`${r.name}: ${r.check.detail}`);
  const failures = rows.filter((r) => r.stats.non2xx > 0 || r.stats.errors > 0 || r.check?.ok === false);
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
