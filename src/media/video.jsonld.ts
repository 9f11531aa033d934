import type { StoryMedia, VideoView } from './story-media.js';
import { providerNamed } from './providers/index.js';

/** PT3M7S for 187 seconds (ISO 8601 duration). */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** schema.org VideoObject for a story's lead video, beside its NewsArticle. */
export function videoObjectJsonLd(publicUrl: string, video: VideoView, story: { headline: string; description: string; publishedAt: string | null }) {
  const abs = (path: string) => new URL(path, publicUrl).href;
  const provider = providerNamed(video.provider);
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: video.title,
    description: video.description || story.description || story.headline,
    ...(video.posterUrl ? { thumbnailUrl: [abs(video.posterUrl)] } : {}),
    uploadDate: video.createdAt ?? story.publishedAt,
    ...(video.durationSeconds ? { duration: isoDuration(video.durationSeconds) } : {}),
    ...(video.fileUrl ? { contentUrl: abs(video.fileUrl), encodingFormat: video.contentType } : {}),
    ...(provider && video.providerId ? { embedUrl: provider.embedUrl(video.providerId).replace(/\?.*$/, '') } : {}),
    ...(video.subtitles.length
      ? { caption: video.subtitles.map((s) => ({ '@type': 'MediaObject', inLanguage: s.lang, name: s.label, ...(s.url ? { contentUrl: abs(s.url), encodingFormat: 'text/vtt' } : {}) })) }
      : {}),
  };
}

/** The JSON-LD blocks a story's media adds to its page (none without a lead video). */
export function storyMediaJsonLd(publicUrl: string, media: StoryMedia, story: { headline: string; description: string; publishedAt: string | null }): object[] {
  return media.lead ? [videoObjectJsonLd(publicUrl, media.lead, story)] : [];
}

/** Cache tags of a story page's media, purged when a video's subtitles change. */
export function storyMediaTags(media: StoryMedia): string[] {
  return [...media.videos.keys()].map((id) => `media:video:${id}`);
}
