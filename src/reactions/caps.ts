// Per-IP caps on voting, against ballot stuffing by clearing cookies: each cleared cookie is a
// new reader, so the cap counts distinct readers per story per IP, not requests. A second, plain
// rate cap bounds how fast one IP may write at all.
//
// The counts live behind `CapStore`: in process memory by default (one process), and in Redis
// when REDIS_URL is set (redis-cap-store.ts), so several processes apply one shared cap.

/** Where cap counters live; methods are async so a network store can implement them. */
export interface CapStore {
  /**
   * Adds `member` to the set under `key` unless that would grow it past `limit`. True when the
   * member is (now or already) in the set; false when refused. The set expires `windowMs` after
   * it was created.
   */
  addMember(key: string, member: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
  /** Counts one hit under `key`; false when `limit` hits were already counted in the window. */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean>;
}

interface Bucket<T> {
  expiresAt: number;
  value: T;
}

/** Fixed windows in two Maps; expired buckets are swept at most once a minute. */
export class MemoryCapStore implements CapStore {
  private readonly sets = new Map<string, Bucket<Set<string>>>();
  private readonly counters = new Map<string, Bucket<number>>();
  private nextSweepAt = 0;

  async addMember(key: string, member: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    this.sweep(nowMs);
    let bucket = this.sets.get(key);
    if (!bucket || bucket.expiresAt <= nowMs) {
      bucket = { expiresAt: nowMs + windowMs, value: new Set() };
      this.sets.set(key, bucket);
    }
    if (bucket.value.has(member)) return true;
    if (bucket.value.size >= limit) return false;
    bucket.value.add(member);
    return true;
  }

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<boolean> {
    this.sweep(nowMs);
    let bucket = this.counters.get(key);
    if (!bucket || bucket.expiresAt <= nowMs) {
      bucket = { expiresAt: nowMs + windowMs, value: 0 };
      this.counters.set(key, bucket);
    }
    if (bucket.value >= limit) return false;
    bucket.value++;
    return true;
  }

  /** Number of live buckets, for tests. */
  get size(): number {
    return this.sets.size + this.counters.size;
  }

  private sweep(nowMs: number): void {
    if (nowMs < this.nextSweepAt) return;
    this.nextSweepAt = nowMs + 60_000;
    for (const map of [this.sets, this.counters] as Map<string, Bucket<unknown>>[]) {
      for (const [key, bucket] of map) if (bucket.expiresAt <= nowMs) map.delete(key);
    }
  }
}

/** The voting limits, from configuration. */
export interface VoteLimits {
  /** Distinct readers that may vote on one story from one IP per hour. */
  readersPerArticlePerIpPerHour: number;
  /** Vote requests (set or withdraw) one IP may make per minute. */
  votesPerIpPerMinute: number;
}

export const DEFAULT_VOTE_LIMITS: VoteLimits = { readersPerArticlePerIpPerHour: 20, votesPerIpPerMinute: 120 };

/** Why a vote was refused, in words a reader understands; undefined when it may proceed. */
export async function checkVoteCaps(
  input: { ip: string; articleId: number; readerId: string; nowMs: number; /** Withdrawing never adds a voter. */ withdraw: boolean },
  deps: { store: CapStore; limits: VoteLimits },
): Promise<{ message: string; retryAfterSec: number } | undefined> {
  const { ip, articleId, readerId, nowMs } = input;
  if (!(await deps.store.hit(`rate:${ip}`, deps.limits.votesPerIpPerMinute, 60_000, nowMs))) {
    return { message: 'Too many reactions came from your connection in the last minute. Please wait a minute and try again.', retryAfterSec: 60 };
  }
  if (!input.withdraw && !(await deps.store.addMember(`readers:${ip}:${articleId}`, readerId, deps.limits.readersPerArticlePerIpPerHour, 3_600_000, nowMs))) {
    return { message: 'Many different readers have already reacted to this story from your connection in the last hour, so we cannot take another one for now. Please try again later.', retryAfterSec: 3600 };
  }
  return undefined;
}
