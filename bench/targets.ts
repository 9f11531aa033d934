// The issue's performance targets, checked against one bench run (ratios from the same run).
import type { Row } from './report.js';
import type { ServerMemory } from './server.js';

export interface TargetCheck {
  target: string;
  /** What was measured, in words; "not measured" when the run did not include it. */
  measured: string;
  ok: boolean | null;
}

interface RunLike {
  workers: number | null;
  label: string;
  rows: Row[];
  memory: ServerMemory | null;
}

const MEMORY_LIMIT_KB = 150 * 1024;

function serverRow(run: RunLike, scenario: string): Row | undefined {
  return run.rows.find((r) => r.kind === 'server' && r.scenario === scenario);
}

function ratioCheck(runs: RunLike[], scenario: string, pick: (r: RunLike) => boolean, min: number, target: string): TargetCheck[] {
  return runs.filter(pick).flatMap((run) => {
    const row = serverRow(run, scenario);
    if (!row) return [];
    const ratio = row.ratioToReference;
    return [{ target: `${target} (${run.label})`, measured: ratio === null ? 'no reference' : `${ratio.toFixed(3)} (${Math.round(row.stats.reqPerSec)} req/s)`, ok: ratio === null ? null : ratio >= min }];
  });
}

/** `scale`: what the data was (e.g. "1000005 stories / 10000000 comments"), or null for the demo data. */
export function checkTargets(runs: RunLike[], database: string, scale: string | null = null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const single = (r: RunLike) => r.workers === null || r.workers === 1;
  checks.push(...ratioCheck(runs, 'article-page', single, 0.5, 'cached story >= 0.5 x nginx, one process'));
  checks.push(...ratioCheck(runs, 'article-page', (r) => r.workers === 2, 0.8, 'cached story >= 0.8 x nginx, two workers'));
  checks.push(...ratioCheck(runs, 'article-200-comments-uncached', () => true, 1 / 30, 'uncached story with 200 comments >= 1/30 x nginx'));
  for (const run of runs) {
    const row = serverRow(run, 'article-500-comments-uncached');
    if (row) checks.push({ target: `uncached story with 500 comments p99 < 15 ms (${run.label})`, measured: `${row.stats.latencyP99Ms.toFixed(2)} ms`, ok: row.stats.latencyP99Ms < 15 });
    if (run.memory) {
      const worst = run.memory.processes.filter((p) => p.role === 'worker' || p.role === 'server').reduce((m, p) => Math.max(m, p.peakRssKb), 0);
      checks.push({ target: `peak memory < 150 MB per serving process (${run.label})`, measured: `${(worst / 1024).toFixed(1)} MiB largest serving process, ${(run.memory.sumKb / 1024).toFixed(1)} MiB all processes`, ok: worst < MEMORY_LIMIT_KB });
    }
    const votes = serverRow(run, 'votes');
    if (votes) checks.push({ target: `votes >= 5,000/s${database === 'sqlite' ? '' : ' (target is for SQLite)'}, totals exact (${run.label})`, measured: `${Math.round(votes.stats.reqPerSec)}/s, ${votes.check?.ok ? 'totals exact' : 'CHECK FAILED'}`, ok: votes.stats.reqPerSec >= 5000 && votes.check?.ok === true });
    // These two targets are for 1M stories / 10M comments on PostgreSQL; on other data they are shown, marked.
    const at = `${database}${scale ? `, ${scale}` : ', demo data'}`;
    const story = serverRow(run, 'story-random-uncached');
    if (story) checks.push({ target: `uncached random story p99 < 30 ms at 1M stories on PostgreSQL (measured: ${at}, ${run.label})`, measured: `p99 ${story.stats.latencyP99Ms.toFixed(2)} ms, p50 ${story.stats.latencyP50Ms.toFixed(2)} ms`, ok: story.stats.latencyP99Ms < 30 });
    const search = serverRow(run, 'search-random');
    if (search) checks.push({ target: `search p95 < 50 ms at 1M stories on PostgreSQL (measured: ${at}, ${run.label})`, measured: `p95 ${search.stats.latencyP95Ms.toFixed(2)} ms, p99 ${search.stats.latencyP99Ms.toFixed(2)} ms`, ok: search.stats.latencyP95Ms < 50 });
    const posts = serverRow(run, 'comment-posts');
    if (posts) checks.push({ target: `comment posts >= 1,000/s accepted (${run.label})`, measured: `${Math.round(posts.stats.reqPerSec)}/s, ${posts.check?.ok ? 'all stored once' : 'CHECK FAILED'}`, ok: posts.stats.reqPerSec >= 1000 && posts.check?.ok === true });
  }
  return checks;
}

export function renderTargets(checks: TargetCheck[]): string {
  return checks.map((c) => `  ${c.ok === null ? '  ?  ' : c.ok ? ' met ' : 'MISSED'}  ${c.target}: ${c.measured}`).join('\n');
}
