import pino, { type Logger } from 'pino';
import type { Config } from '../config.js';

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino({
    level: config.logLevel,
    // Cookies carry reader ids and sessions; never write them to a log. A reader's IP is personal
    // data kept for comment moderation only (src/comments/), so request logs leave it out too.
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'req.remoteAddress', 'req.headers["x-forwarded-for"]'], censor: '[redacted]' },
  }, destination ?? pino.destination(1));
}
