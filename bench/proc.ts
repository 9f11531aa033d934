import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';

/** Cleanup steps run in reverse order on normal exit, on error and on Ctrl-C. */
const cleanups: Array<() => Promise<void> | void> = [];
/** Children still running; killed synchronously if the process exits abruptly. */
const live = new Set<ChildProcess>();

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err);
    }
  }
}

// One Ctrl-C often arrives several times (terminal, npm and tsx all relay it), so only a repeat
// more than 2 s later forces an immediate exit (children still get SIGKILL from the 'exit' hook).
let interruptedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interruptedAt > 0) {
      if (Date.now() - interruptedAt > 2000) process.exit(130);
      return;
    }
    interruptedAt = Date.now();
    console.error(`\n${signal}: stopping child processes...`);
    void runCleanups().finally(() => process.exit(130));
  });
}
process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

/** A free TCP port on 127.0.0.1 (tiny race window between close and reuse; fine for a bench). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  /** Last ~64 KiB of stdout+stderr, for error messages. */
  output: () => string;
  /** SIGTERM the process group, SIGKILL after `graceMs`; resolves when it has exited. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Spawn in its own process group so stop() also reaches grandchildren. */
export function spawnChild(cmd: string, args: string[], opts: SpawnOptions): Spawned {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let buf = '';
  const keep = (chunk: Buffer) => {
    buf = (buf + chunk.toString('utf8')).slice(-65536);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
    child.once('error', () => {
      live.delete(child);
      resolve();
    });
  });
  const stop = async (graceMs = 5000) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { child, output: () => buf, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Plain HTTP/1.1 request with no Accept-Encoding, so `body` is exactly what autocannon receives. */
export function httpRequest(url: string, method = 'GET', body?: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Poll `url` until it answers 200, the child exits, or `timeoutMs` passes. */
export async function waitForOk(url: string, proc: Spawned, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`process exited (code ${proc.child.exitCode ?? proc.child.signalCode}) before ${url} was ready:\n${proc.output()}`);
    }
    try {
      const res = await httpRequest(url);
      if (res.status === 200) return;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last}):\n${proc.output()}`);
}

/** Peak RSS (VmHWM, KiB) of `pid` and each of its descendants; empty if /proc is unavailable. */
export function peakRssTree(pid: number): Array<{ pid: number; cmd: string; peakRssKb: number }> {
  const out: Array<{ pid: number; cmd: string; peakRssKb: number }> = [];
  const children = new Map<number, number[]>();
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(entry));
        children.set(ppid, list);
      } catch {
        /* process vanished */
      }
    }
  } catch {
    return out;
  }
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim();
      if (hwm) out.push({ pid: p, cmd, peakRssKb: Number(hwm[1]) });
    } catch {
      /* process vanished */
    }
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}
