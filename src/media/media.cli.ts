import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { systemClock } from '../lib/clock.js';
import { MediaError } from './media.errors.js';
import type { MediaStorage } from './storage.js';
import { addSelfHostedVideo, addSubtitles, setLeadVideo } from './videos.service.js';

export const MEDIA_USAGE = `Usage: onset media add <file.mp4|file.webm> [--title TEXT] [--description TEXT]
                         [--poster image.jpg] [--subtitles en=file.srt]... [--article SLUG] [--default-subtitles en]
  Stores a self-hosted video (checked by content) under DATA_DIR/media, converts SRT subtitles to
  WebVTT, and with --article makes it that story's lead video.
`;

/** `onset media add ...`: returns the exit code; output goes to the given streams. */
export async function runMediaCommand(
  argv: string[],
  deps: { db: Kysely<Database>; storage: MediaStorage; out: (s: string) => void; err: (s: string) => void },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        description: { type: 'string' },
        poster: { type: 'string' },
        subtitles: { type: 'string', multiple: true },
        article: { type: 'string' },
        'default-subtitles': { type: 'string' },
      },
    });
  } catch (e) {
    deps.err(`${(e as Error).message}\n${MEDIA_USAGE}`);
    return 2;
  }
  const [action, file] = parsed.positionals;
  if (action !== 'add' || !file) {
    deps.err(MEDIA_USAGE);
    return 2;
  }
  const v = parsed.values;
  const read = (p: string) => {
    try {
      return fs.readFileSync(p);
    } catch {
      throw new MediaError(`cannot read ${p}`, 400);
    }
  };
  const subtitles = (v.subtitles ?? []).map((spec) => {
    const at = spec.indexOf('=');
    if (at < 1) throw new MediaError(`--subtitles takes LANG=FILE, e.g. en=episode.srt (got "${spec}")`, 400);
    return { lang: spec.slice(0, at), file: spec.slice(at + 1) };
  });
  const ctx = { db: deps.db, storage: deps.storage, clock: systemClock };
  try {
    const article = v.article ? await deps.db.selectFrom('articles').select('id').where('slug', '=', v.article).executeTakeFirst() : undefined;
    if (v.article && !article) throw new MediaError(`no story has the slug "${v.article}"`, 404);
    const { id } = await addSelfHostedVideo(
      { bytes: read(file), title: v.title ?? path.basename(file, path.extname(file)), ...(v.description ? { description: v.description } : {}), ...(v.poster ? { poster: read(v.poster) } : {}) },
      ctx,
    );
    deps.out(`Video ${id} stored.\n`);
    for (const s of subtitles) {
      const result = await addSubtitles({ videoId: id, lang: s.lang, bytes: read(s.file) }, ctx);
      deps.out(`Subtitles ${result.lang} (${result.label}): ${result.cues} cues.\n`);
      for (const o of result.overlaps) deps.out(`  note: overlapping cue, ${o}\n`);
    }
    if (article) {
      await setLeadVideo({ articleId: article.id, videoId: id, defaultSubtitleLang: v['default-subtitles'] ?? subtitles[0]?.lang ?? null }, ctx);
      deps.out(`Lead video of ${v.article}.\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof MediaError) {
      deps.err(`onset media: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
