import type { Redis } from 'ioredis';
import type { CapStore } from './caps.js';

// Each check is one Lua script, so the read and the write are atomic across every process that
// shares the Redis server: two votes racing on two instances cannot both take the last place.
const ADD_MEMBER = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
local n = redis.call('SCARD', KEYS[1])
if n >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
if n == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if n > tonumber(ARGV[1]) then return 0 end
return 1`;

/**
 * Vote caps shared by every process through Redis (REDIS_URL). Windows start at the first count
 * and expire in Redis itself, so nothing needs sweeping; `nowMs` is not needed here.
 */
export class RedisCapStore implements CapStore {
  constructor(
    private readonly redis: Redis,
    /** Prefix that keeps these keys apart from other users of the server. */
    private readonly prefix = 'onset:caps:',
  ) {}

  async addMember(key: string, member: string, limit: number, windowMs: number, _nowMs?: number): Promise<boolean> {
    return (await this.redis.eval(ADD_MEMBER, 1, this.prefix + key, member, limit, windowMs)) === 1;
  }

  async hit(key: string, limit: number, windowMs: number, _nowMs?: number): Promise<boolean> {
    return (await this.redis.eval(HIT, 1, this.prefix + key, limit, windowMs)) === 1;
  }
}
