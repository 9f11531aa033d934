import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Stats } from './measure.js';
import type { ServerMemory } from './server.js';

export interface Row {
  /** e.g. "article-page" or "article-page (nginx)". */
  name: string;
  scenario: string;
  kind: 'server' | 'reference';
  /** The server's --workers value for this row (null: one process without --workers). */
  workers: number | null;
  /** Concurrent connections of this row's load. */
  connections: number;
  method: string;
  url: string;
  responseBytes: number | undefined;
  stats: Stats;
  /** Server rows: server req/s ÷ nginx req/s for the same bytes; null when there is no reference. */
  ratioToReference: number | null;
  /** For scenarios that check what the server stored (votes): the outcome, in words. */
  check?: { ok: boolean; detail: string };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function renderTable(rows: Row[]): string {
  const header = ['name', 'bytes', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors', 'ratio'];
  const body = rows.map((r) => [
    r.name,
    r.responseBytes === undefined ? '' : fmt(r.responseBytes),
    String(r.connections),
    fmt(r.stats.reqPerSec),
    fmt(r.stats.latencyP50Ms, 2),
    fmt(r.stats.latencyP95Ms, 2),
    fmt(r.stats.latencyP99Ms, 2),
    String(r.stats.non2xx),
    String(r.stats.errors),
    r.kind === 'reference' ? '(ref)' : r.ratioToReference === null ? 'n/a' : r.ratioToReference.toFixed(3),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

const mib = (kb: number) => `${(kb / 1024).toFixed(1)} MiB`;

/** Peak RSS (VmHWM) lines: the one process, or each process of a cluster and the sums. */
export function renderMemory(memory: ServerMemory): string {
  const each = memory.processes.map((p) => `${p.role} ${p.pid}: ${mib(p.peakRssKb)}`).join(', ');
  const serving = memory.processes.some((p) => p.role === 'worker') ? 'workers together' : 'server';
  return `server peak RSS (VmHWM): ${each}; ${serving} ${mib(memory.workersSumKb)}, all processes ${mib(memory.sumKb)}`;
}

export function machineInfo() {
  const cpus = os.cpus();
  let gitCommit: string | null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    gitCommit = null;
  }
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    gitCommit,
  };
}

export async function writeResults(file: string, data: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(data, null, 2) + '\n');
}
