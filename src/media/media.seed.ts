import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import type { MediaStorage } from './storage.js';
import { addSelfHostedVideo, addSubtitles, setLeadVideo } from './videos.service.js';
import { findLeadVideoLink } from './videos.repository.js';

// The clip is synthetic (drawn on a canvas and recorded by Chromium: scripts/make-demo-video.ts),
// and the subtitles are written for it: no third-party footage and no invented YouTube id.
const DEMO_MEDIA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'media');
export const DEMO_VIDEO_SECONDS = 6;

/**
 * Gives the demo "Watch:" story its lead video, with English subtitles on by default. Idempotent:
 * a story that already has a lead video is left alone.
 */
export async function seedDemoMedia(deps: { db: Kysely<Database>; clock: Clock; storage: MediaStorage }): Promise<{ videos: number }> {
  const article = await deps.db.selectFrom('articles').select('id').where('slug', '=', WATCH_ARTICLE_SLUG).executeTakeFirst();
  if (!article || (await findLeadVideoLink(deps.db, article.id))) return { videos: 0 };
  const { id } = await addSelfHostedVideo(
    {
      bytes: fs.readFileSync(path.join(DEMO_MEDIA_DIR, 'behind-the-scenes.webm')),
      title: 'Behind the scenes: a night on the campus set',
      description: 'A short clip from the making of Nevertheless, with English subtitles.',
      durationSeconds: DEMO_VIDEO_SECONDS,
    },
    deps,
  );
  await addSubtitles({ videoId: id, lang: 'en', bytes: fs.readFileSync(path.join(DEMO_MEDIA_DIR, 'behind-the-scenes.en.vtt')) }, deps);
  await setLeadVideo({ articleId: article.id, videoId: id, defaultSubtitleLang: 'en' }, deps);
  return { videos: 1 };
}
