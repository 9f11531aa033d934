import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findImage, imageIdFromUrl, type StoredImage } from './images.service.js';
import { languageLabel } from './languages.js';
import { providerNamed } from './providers/index.js';
import { mediaUrl } from './storage.js';
import { findLeadVideoLink, findVideos, listSubtitles } from './videos.repository.js';
import type { VideoRow, VideoSubtitleRow } from './media.table.js';

/** A video as pages show it: URLs made, subtitles attached. */
export interface VideoView {
  id: number | undefined;
  provider: string;
  /** The id on the provider; undefined for self-hosted video. */
  providerId: string | undefined;
  /** Our URL of a self-hosted file. */
  fileUrl: string | undefined;
  contentType: string | undefined;
  title: string;
  description: string;
  durationSeconds: number | null;
  /** Our URL of the poster; undefined shows a plain gradient (never the provider's thumbnail). */
  posterUrl: string | undefined;
  subtitles: { lang: string; label: string; url: string }[];
  createdAt: string | undefined;
}

/** What a story page needs from media: its lead video and the self-hosted videos its body places. */
export interface StoryMedia {
  lead: VideoView | undefined;
  /** Subtitle language the story switches on by default (e.g. "en"). */
  defaultSubtitleLang: string | null;
  /** Videos named by id in the body's video blocks. */
  videos: Map<number, VideoView>;
  /** The lead image when it is an uploaded one (/media/images/:id). */
  leadImage: StoredImage | undefined;
  /** Changes whenever any of the above does; part of the rendered-body cache key. */
  signature: string;
}

export function toVideoView(row: VideoRow, subtitles: VideoSubtitleRow[]): VideoView {
  return {
    id: row.id,
    provider: row.provider,
    providerId: row.provider_id ?? undefined,
    fileUrl: row.file_key ? mediaUrl(row.file_key) : undefined,
    contentType: row.content_type ?? undefined,
    title: row.title,
    description: row.description,
    durationSeconds: row.duration_seconds,
    posterUrl: row.poster_key ? mediaUrl(row.poster_key) : undefined,
    subtitles: subtitles.filter((s) => s.video_id === row.id).map((s) => ({ lang: s.lang, label: s.label, url: mediaUrl(s.file_key) })),
    createdAt: row.created_at,
  };
}

/** Ids of the videos a story's body names in ```video blocks with `provider: self`. */
export function videoIdsInBody(body: string): number[] {
  const ids = new Set<number>();
  for (const m of body.matchAll(/^(```|~~~)\s*video\s*\n([\s\S]*?)^\1/gm)) {
    if (!/^\s*provider\s*:\s*self\s*$/m.test(m[2]!)) continue;
    const id = /^\s*id\s*:\s*(\d{1,9})\s*$/m.exec(m[2]!)?.[1];
    if (id) ids.add(Number(id));
  }
  return [...ids];
}

/** True when the body places the lead video itself (a ```video block holding just `lead`). */
export function bodyPlacesLeadVideo(body: string): boolean {
  return /^(```|~~~)\s*video\s*\n\s*lead\s*\n\1/m.test(body);
}

export async function loadStoryMedia(db: Kysely<Database>, article: { id: number; body: string; lead_image_url: string | null }): Promise<StoryMedia> {
  const link = await findLeadVideoLink(db, article.id);
  const ids = [...new Set([...(link ? [link.video_id] : []), ...videoIdsInBody(article.body)])];
  const rows = await findVideos(db, ids);
  const subtitles = await listSubtitles(db, ids);
  const views = new Map(rows.map((r) => [r.id, toVideoView(r, subtitles)]));
  const imageId = imageIdFromUrl(article.lead_image_url);
  const leadImage = imageId === undefined ? undefined : await findImage(db, imageId);
  const signature = JSON.stringify([link ?? null, rows.map((r) => [r.id, r.poster_key, r.title, r.duration_seconds]), subtitles.map((s) => [s.video_id, s.lang, s.file_key]), leadImage?.id ?? null]);
  return { lead: link ? views.get(link.video_id) : undefined, defaultSubtitleLang: link?.default_subtitle_lang ?? null, videos: views, leadImage, signature };
}

/** A third-party video named only in the body: no poster of ours, no stored record. */
export function adHocVideo(input: { provider: string; id: string; title: string; durationSeconds: number | null; subtitles: string[]; posterUrl?: string }): VideoView | undefined {
  const provider = providerNamed(input.provider);
  if (!provider || !provider.isValidId(input.id)) return undefined;
  return {
    id: undefined, provider: provider.name, providerId: input.id, fileUrl: undefined, contentType: undefined, title: input.title, description: '',
    durationSeconds: input.durationSeconds, posterUrl: input.posterUrl, createdAt: undefined,
    subtitles: input.subtitles.map((lang) => ({ lang, label: languageLabel(lang), url: '' })),
  };
}
