import autocannon from 'autocannon';

export interface LoadOptions {
  durationSec: number;
  warmupSec: number;
  connections: number;
}

export interface Target {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** A new path for every request (e.g. a random story), instead of the one in `url`. */
  nextPath?: () => string;
}

export interface Stats {
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
  requests: number;
  bytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

/**
 * One autocannon run. autocannon's own latency histogram has 1 ms resolution, too coarse for
 * sub-millisecond pages, so 2xx response times (float ms) are also collected into `latencies`.
 */
function run(target: Target, connections: number, durationSec: number, latencies?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: (target.method ?? 'GET') as autocannon.Request['method'],
        headers: target.headers,
        body: target.body,
        connections,
        duration: durationSec,
        ...(target.nextPath ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: target.nextPath!() }) }] } : {}),
      },
      (err: unknown, result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(result)),
    );
    if (latencies) {
      instance.on('response', (_client, statusCode, _bytes, ms) => {
        if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
      });
    }
  });
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Warm up (result discarded), then measure. */
export async function measure(target: Target, opts: LoadOptions): Promise<Stats> {
  if (opts.warmupSec > 0) await run(target, opts.connections, opts.warmupSec);
  const latencies: number[] = [];
  const r = await run(target, opts.connections, opts.durationSec, latencies);
  return statsFrom(r, latencies);
}

/**
 * Stats of one autocannon run: latency percentiles from the collected 2xx response times, and
 * req/s as autocannon's per-second mean unless the caller counts differently (acknowledged
 * writes over the run's wall time).
 */
export function statsFrom(r: autocannon.Result, latencies: number[], reqPerSec = r.requests.average): Stats {
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = v.count ?? 0;
  return {
    reqPerSec,
    latencyP50Ms: percentile(sorted, 50),
    latencyP95Ms: percentile(sorted, 95),
    latencyP99Ms: percentile(sorted, 99),
    requests: r.requests.total,
    bytes: r.throughput.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}
