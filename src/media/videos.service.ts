import type { Kysely } from 'kysely';
import { loadSharp } from './sharp.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { LANG_TAG, languageLabel } from './languages.js';
import { MediaError } from './media.errors.js';
import { generatePoster } from './poster.js';
import { probeDurationSeconds } from './probe.js';
import { providerNamed } from './providers/index.js';
import { sniffType } from './sniff.js';
import type { MediaStorage } from './storage.js';
import { SubtitleError, toWebVtt } from './subtitles.js';
import { findVideo, upsertLeadVideo, upsertSubtitle } from './videos.repository.js';

/** Largest video upload, in bytes. Big enough for a few minutes of web video. */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
export const MAX_SUBTITLE_BYTES = 1024 * 1024;

type Deps = { db: Kysely<Database>; storage: MediaStorage; clock: Clock };

function checkTitle(title: string): string {
  const t = title.trim();
  if (!t) throw new MediaError('a video needs a title', 400);
  if (t.length > 200) throw new MediaError('the title must be at most 200 characters', 400);
  return t;
}

/** An uploaded poster, re-encoded (which also drops its metadata); or one made from the title. */
async function posterKey(title: string, poster: Buffer | undefined, storage: MediaStorage): Promise<string> {
  if (poster) {
    const type = sniffType(poster);
    if (type?.kind !== 'image') throw new MediaError('the poster is not a JPEG, PNG, WebP, AVIF or GIF image', 415);
    const sharp = await loadSharp();
    const jpeg = await sharp(poster, { limitInputPixels: 40_000_000 }).rotate().resize({ width: 1280, withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toBuffer().catch(() => {
      throw new MediaError('the poster could not be read', 422);
    });
    return (await storage.put(jpeg, 'jpg')).key;
  }
  return (await storage.put(await generatePoster(title), 'jpg')).key;
}

/** Stores an MP4 or WebM file (checked by its first bytes) as a self-hosted video. */
export async function addSelfHostedVideo(
  input: { bytes: Buffer; title: string; description?: string; durationSeconds?: number; poster?: Buffer },
  deps: Deps,
): Promise<{ id: number }> {
  const title = checkTitle(input.title);
  if (input.bytes.length > MAX_VIDEO_BYTES) throw new MediaError(`the video is ${input.bytes.length} bytes; the limit is ${MAX_VIDEO_BYTES}`, 413);
  const type = sniffType(input.bytes);
  if (type?.kind !== 'video') throw new MediaError('the file is not an MP4 or WebM video', 415);
  const file = await deps.storage.put(input.bytes, type.ext);
  const poster = await posterKey(title, input.poster, deps.storage);
  const row = await deps.db
    .insertInto('media_videos')
    .values({
      provider: 'self', provider_id: null, file_key: file.key, content_type: type.mime, title, description: input.description?.trim() ?? '',
      duration_seconds: input.durationSeconds ?? probeDurationSeconds(input.bytes, type.mime) ?? null, poster_key: poster,
      width: null, height: null, created_at: deps.clock().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** Records a video on a third-party host, with a poster of our own. */
export async function addEmbeddedVideo(
  input: { provider: string; providerId: string; title: string; description?: string; durationSeconds?: number; poster?: Buffer },
  deps: Deps,
): Promise<{ id: number }> {
  const provider = providerNamed(input.provider);
  if (!provider) throw new MediaError(`unknown video provider "${input.provider}"`, 400);
  if (!provider.isValidId(input.providerId)) throw new MediaError(`"${input.providerId}" is not a ${provider.label} video id`, 400);
  const title = checkTitle(input.title);
  const poster = await posterKey(title, input.poster, deps.storage);
  const row = await deps.db
    .insertInto('media_videos')
    .values({
      provider: provider.name, provider_id: input.providerId, file_key: null, content_type: null, title, description: input.description?.trim() ?? '',
      duration_seconds: input.durationSeconds ?? null, poster_key: poster, width: null, height: null, created_at: deps.clock().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}

/** Adds (or replaces) a video's subtitles in one language; SRT is converted to WebVTT. */
export async function addSubtitles(
  input: { videoId: number; lang: string; label?: string; bytes: Buffer },
  deps: Deps,
): Promise<{ lang: string; label: string; cues: number; overlaps: string[] }> {
  if (!LANG_TAG.test(input.lang)) throw new MediaError(`"${input.lang}" is not a language tag like en, ko or pt-BR`, 400);
  if (input.bytes.length > MAX_SUBTITLE_BYTES) throw new MediaError(`subtitles are limited to ${MAX_SUBTITLE_BYTES} bytes`, 413);
  if (!(await findVideo(deps.db, input.videoId))) throw new MediaError(`no video ${input.videoId}`, 404);
  let result;
  try {
    result = toWebVtt(input.bytes);
  } catch (err) {
    if (err instanceof SubtitleError) throw new MediaError(err.message, 422);
    throw err;
  }
  const { key } = await deps.storage.put(Buffer.from(result.vtt, 'utf8'), 'vtt');
  const label = input.label?.trim() || languageLabel(input.lang);
  await upsertSubtitle(deps.db, { video_id: input.videoId, lang: input.lang, label, file_key: key });
  return { lang: input.lang, label, cues: result.cues.length, overlaps: result.overlaps };
}

/** Makes a video the lead of a story, with the subtitle language to switch on by default. */
export async function setLeadVideo(
  input: { articleId: number; videoId: number; defaultSubtitleLang?: string | null },
  deps: { db: Kysely<Database> },
): Promise<void> {
  if (!(await findVideo(deps.db, input.videoId))) throw new MediaError(`no video ${input.videoId}`, 404);
  if (input.defaultSubtitleLang && !LANG_TAG.test(input.defaultSubtitleLang)) throw new MediaError(`"${input.defaultSubtitleLang}" is not a language tag`, 400);
  await upsertLeadVideo(deps.db, { article_id: input.articleId, video_id: input.videoId, default_subtitle_lang: input.defaultSubtitleLang ?? null });
}
