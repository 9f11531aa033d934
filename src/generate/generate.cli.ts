import cliProgress from 'cli-progress';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { systemClock } from '../lib/clock.js';
import { generate, type GenerateReport } from './generate.service.js';

const USAGE = 'Usage: onset generate --stories N [--comments N] [--votes N] [--people N] [--dramas N] [--seed N]\n';

function count(name: string, value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000_000) throw new Error(`--${name} must be a whole number from 0 to 100000000`);
  return n;
}

/** `onset generate`: synthetic data with a progress bar per phase and its rate. */
export async function runGenerate(db: Kysely<Database>, values: Record<string, unknown>): Promise<number> {
  let input;
  try {
    input = {
      stories: count('stories', values.stories),
      comments: count('comments', values.comments, 0),
      votes: count('votes', values.votes, 0),
      people: values.people === undefined ? undefined : count('people', values.people),
      dramas: values.dramas === undefined ? undefined : count('dramas', values.dramas),
      seed: count('seed', values.seed, 1),
    };
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {value}/{total} · {rate} rows/s · {duration}s', noTTYOutput: true, notTTYSchedule: 5000, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  let phaseStarted = Date.now();
  const report: GenerateReport = await generate(input, {
    db,
    clock: systemClock,
    onProgress: (name, done, total) => {
      if (name !== phase) {
        if (phase) bar.stop();
        phase = name;
        phaseStarted = Date.now();
        bar.start(total, 0, { phase: name.padEnd(8), rate: 0 });
      }
      const seconds = Math.max(0.001, (Date.now() - phaseStarted) / 1000);
      bar.update(done, { phase: name.padEnd(8), rate: Math.round(done / seconds) });
    },
  });
  if (phase) bar.stop();
  process.stdout.write(`Generated ${report.stories} stories, ${report.comments} comments, ${report.votes} votes, ${report.people} people, ${report.dramas} dramas in ${report.seconds.toFixed(1)} s.\n`);
  return 0;
}
