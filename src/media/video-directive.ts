// The video block of a story's Markdown (documented in src/media/README.md):
//
//   ```video                     ```video                ```video
//   provider: youtube            provider: self          lead
//   id: <11-character id>        id: 12                  ```
//   title: Rehearsal on set      ```
//   duration: 3:07
//   subtitles: en, ko
//   ```
//
// A markdown-it plugin: the fence renderer turns a `video` block into the same markup the lead
// video uses (built by preact, so every value is escaped). Unknown providers, bad ids and videos
// that do not exist render a short note instead of a player.
import type { MarkdownIt } from 'markdown-it';
import { LANG_TAG } from './languages.js';
import { isMediaKey, mediaUrl } from './storage.js';
import { adHocVideo, type StoryMedia } from './story-media.js';
import { videoFigureHtml } from './video.view.js';

export interface VideoBlock {
  lead: boolean;
  fields: Record<string, string>;
}

export function parseVideoBlock(content: string): VideoBlock {
  const trimmed = content.trim();
  if (trimmed === 'lead') return { lead: true, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of trimmed.split('\n')) {
    const m = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/i.exec(line);
    if (m) fields[m[1]!.toLowerCase()] = m[2]!;
  }
  return { lead: false, fields };
}

/** "3:07", "1:02:03" or "187" → seconds. */
export function parseDurationField(text: string | undefined): number | null {
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

const note = (text: string) => `<p class="video-unavailable"><em>${text}</em></p>\n`;

function renderBlock(block: VideoBlock, media: StoryMedia | undefined): string {
  if (block.lead) return media?.lead ? videoFigureHtml(media.lead, media.defaultSubtitleLang) : '';
  const f = block.fields;
  if (f.provider === 'self') {
    const video = /^\d{1,9}$/.test(f.id ?? '') ? media?.videos.get(Number(f.id)) : undefined;
    return video ? videoFigureHtml(video, (f.subtitles ?? media?.defaultSubtitleLang ?? null) || null) : note('This video is not available.');
  }
  const video = adHocVideo({
    provider: f.provider ?? '',
    id: f.id ?? '',
    title: (f.title ?? '').slice(0, 200) || 'Video',
    durationSeconds: parseDurationField(f.duration),
    subtitles: (f.subtitles ?? '').split(',').map((s) => s.trim()).filter((s) => LANG_TAG.test(s)),
    ...(f.poster && isMediaKey(f.poster) ? { posterUrl: mediaUrl(f.poster) } : {}),
  });
  return video ? videoFigureHtml(video, null) : note('This video is not available.');
}

/** Adds video blocks to a markdown-it instance; the story's media comes in `env.media`. */
export function videoDirectivePlugin(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    if (token.info.trim() !== 'video') return fallback(tokens, idx, options, env, self);
    return renderBlock(parseVideoBlock(token.content), (env as { media?: StoryMedia }).media);
  };
}

/** Tags and attributes the video markup needs, for the Markdown sanitizer's allowlist. */
export const VIDEO_SANITIZE = {
  tags: ['div', 'span', 'button', 'video', 'source', 'track'],
  selfClosing: ['source', 'track'],
  attributes: {
    figure: ['class', 'data-video-facade', 'data-embed-src', 'data-video-title'],
    figcaption: ['class'],
    div: ['class'],
    span: ['class', 'aria-hidden'],
    button: ['type', 'class', 'aria-label'],
    video: ['controls', 'preload', 'poster', 'width', 'height', 'playsinline'],
    source: ['src', 'type'],
    track: ['kind', 'srclang', 'label', 'src', 'default'],
    img: ['decoding'],
    p: ['class'],
  } as Record<string, string[]>,
};

/** The sanitizer's attribute allowlist with the video markup's attributes added. */
export function withVideoAttributes(base: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...base };
  for (const [tag, attrs] of Object.entries(VIDEO_SANITIZE.attributes)) out[tag] = [...new Set([...(out[tag] ?? []), ...attrs])];
  return out;
}
