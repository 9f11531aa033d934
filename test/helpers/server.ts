// Starts the real `onset serve` command as a child process, for end-to-end tests: the same entry
// point an operator runs, on a fresh data folder and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ONSET_BIN = path.join(REPO_ROOT, 'bin', 'onset.js');

export interface TestServer {
  /** Origin without trailing slash, e.g. http://127.0.0.1:40123 */
  url: string;
  dataDir: string;
  proc: ChildProcess;
  /** Sends SIGTERM (SIGKILL after 10 s) and resolves with the exit code; null if killed by a signal. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** Extra environment for the child; wins over the defaults. */
  env?: Record<string, string>;
  /**
   * Use this data folder instead of a fresh temporary one. The caller owns it: it is not removed
   * on stop. Without it, a temporary folder is made and removed when the server stops.
   */
  dataDir?: string;
  /** Extra arguments after `serve`, e.g. ['--workers', '2']. */
  args?: string[];
}

const READY_TIMEOUT_MS = 30_000;
const KILL_AFTER_MS = 10_000;

/** Children still running, killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** Environment for a child `onset` process: the parent's, minus test-runner plumbing. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The test runner marks its own children; a server spawned from a test must not inherit that.
  delete env.NODE_TEST_CONTEXT;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

function waitForExit(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

async function startOnce(port: number, dataDir: string, env: Record<string, string>, args: string[] = []): Promise<TestServer> {
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, [ONSET_BIN, 'serve', ...args], {
    cwd: REPO_ROOT,
    env: childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(proc);
  let stderr = '';
  let stdout = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout = (stdout + chunk).slice(-20_000);
  });
  const exited = waitForExit(proc).then((code) => {
    live.delete(proc);
    return code;
  });

  let stopping: Promise<number | null> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), KILL_AFTER_MS);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      }
      return exited;
    })());

  const describe = (why: string) => {
    const out = [stderr.trim() && `stderr:\n${stderr.trim()}`, stdout.trim() && `stdout:\n${stdout.trim()}`].filter(Boolean).join('\n');
    return `onset serve on ${url} (DATA_DIR=${dataDir}) ${why}${out ? `\n${out}` : ' (no output)'}`;
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      const exitCode = proc.exitCode ?? proc.signalCode;
      // Let the last of its output arrive before quoting it.
      await Promise.race([new Promise((r) => proc.once('close', r)), new Promise((r) => setTimeout(r, 500))]);
      // Listening output from pino is JSON; EADDRINUSE means another process took the port first.
      throw new StartError(describe(`exited with code ${exitCode} before it was ready`), /EADDRINUSE/.test(stderr + stdout));
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return { url, dataDir, proc, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new StartError(describe(`was not ready within ${READY_TIMEOUT_MS / 1000} s`), false);
}

/**
 * Starts `node bin/onset.js serve` on a free port with a fresh temporary DATA_DIR (or the given
 * one) and waits until GET /readyz answers 200.
 */
export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'onset-test-'));
  try {
    for (let attempt = 1; ; attempt++) {
      const port = opts.env?.PORT ? Number(opts.env.PORT) : await freePort();
      try {
        const server = await startOnce(port, dataDir, opts.env ?? {}, opts.args);
        if (!ownDir) return server;
        return {
          ...server,
          stop: async () => {
            try {
              return await server.stop();
            } finally {
              removeDir(dataDir);
            }
          },
        };
      } catch (err) {
        // The port was free when picked but taken before the server bound it: pick another.
        if (err instanceof StartError && err.portInUse && !opts.env?.PORT && attempt < 3) continue;
        throw err;
      }
    }
  } catch (err) {
    if (ownDir) removeDir(dataDir);
    throw err;
  }
}

/** Runs a one-shot `onset <args>` command to completion and returns its exit code and output. */
export function runOnset(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [ONSET_BIN, ...args], { cwd: REPO_ROOT, env: childEnv({ LOG_LEVEL: 'warn', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(proc);
    let stdout = '';
    let stderr = '';
    proc.stdout!.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    proc.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`onset ${args.join(' ')} did not finish within ${timeoutMs / 1000} s\nstderr:\n${stderr}\nstdout:\n${stdout}`));
    }, timeoutMs);
    proc.once('error', (err) => {
      clearTimeout(timer);
      live.delete(proc);
      reject(err);
    });
    proc.once('close', (code) => {
      clearTimeout(timer);
      live.delete(proc);
      resolve({ code, stdout, stderr });
    });
  });
}
