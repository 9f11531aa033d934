import type { Generated, Selectable } from 'kysely';

export const VIDEO_PROVIDERS = ['youtube', 'vimeo', 'self'] as const;
export type VideoProviderName = (typeof VIDEO_PROVIDERS)[number];

export interface VideoTable {
  id: Generated<number>;
  /** youtube, vimeo (src/media/providers/) or self. */
  provider: string;
  /** The provider's video id (YouTube, Vimeo); null for self-hosted files. */
  provider_id: string | null;
  /** Storage key of the self-hosted file; null for third-party videos. */
  file_key: string | null;
  /** video/mp4 or video/webm for self-hosted files. */
  content_type: string | null;
  title: string;
  /** One or two sentences for the VideoObject description and the caption. */
  description: string;
  duration_seconds: number | null;
  /** Storage key of the poster image we serve (never the provider's). */
  poster_key: string | null;
  width: number | null;
  height: number | null;
  created_at: string;
}

export interface VideoSubtitleTable {
  video_id: number;
  /** BCP 47 language tag, e.g. en, ko, pt-BR. */
  lang: string;
  /** Shown in the player's menu, e.g. "English". */
  label: string;
  /** Storage key of the WebVTT file. */
  file_key: string;
}

export interface ArticleVideoTable {
  /** One lead video per story. */
  article_id: number;
  video_id: number;
  /** Subtitle language switched on by default for this story; null leaves them off. */
  default_subtitle_lang: string | null;
}

export interface ImageTable {
  id: Generated<number>;
  width: number;
  height: number;
  /** JSON: [{ format, width, height, key }] of every variant made at upload. */
  variants: string;
  /** A tiny blurred WebP as a data: URI, shown while the real image loads. */
  placeholder: string;
  /** Dominant colour, #rrggbb, for the box behind the placeholder. */
  dominant_color: string;
  created_at: string;
}

export type VideoRow = Selectable<VideoTable>;
export type VideoSubtitleRow = Selectable<VideoSubtitleTable>;
export type ImageRow = Selectable<ImageTable>;
