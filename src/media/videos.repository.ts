import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { VideoRow, VideoSubtitleRow } from './media.table.js';

export async function findVideo(db: Kysely<Database>, id: number): Promise<VideoRow | undefined> {
  return db.selectFrom('media_videos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findVideos(db: Kysely<Database>, ids: number[]): Promise<VideoRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media_videos').selectAll().where('id', 'in', ids).execute();
}

export async function listSubtitles(db: Kysely<Database>, videoIds: number[]): Promise<VideoSubtitleRow[]> {
  if (videoIds.length === 0) return [];
  return db.selectFrom('media_video_subtitles').selectAll().where('video_id', 'in', videoIds).orderBy('video_id').orderBy('lang').execute();
}

export async function findLeadVideoLink(db: Kysely<Database>, articleId: number) {
  return db.selectFrom('article_videos').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

export async function upsertSubtitle(db: Kysely<Database>, row: VideoSubtitleRow): Promise<void> {
  await db
    .insertInto('media_video_subtitles')
    .values(row)
    .onConflict((oc) => oc.columns(['video_id', 'lang']).doUpdateSet({ label: row.label, file_key: row.file_key }))
    .execute();
}

export async function upsertLeadVideo(db: Kysely<Database>, row: { article_id: number; video_id: number; default_subtitle_lang: string | null }): Promise<void> {
  await db
    .insertInto('article_videos')
    .values(row)
    .onConflict((oc) => oc.column('article_id').doUpdateSet({ video_id: row.video_id, default_subtitle_lang: row.default_subtitle_lang }))
    .execute();
}
