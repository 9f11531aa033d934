import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { providerNamed } from './providers/index.js';
import type { VideoView } from './story-media.js';

/** 3:07 or 1:02:03 */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
}

/** "English subtitles", "English and Korean subtitles". */
export function subtitlesPhrase(labels: string[]): string | undefined {
  if (labels.length === 0) return undefined;
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `${list} subtitles`;
}

function Caption(props: { video: VideoView; via?: string }): JSX.Element {
  const v = props.video;
  const subs = subtitlesPhrase(v.subtitles.map((s) => s.label));
  return (
    <figcaption class="video-caption">
      <span class="video-title">{v.title}</span>
      {v.durationSeconds ? <span class="video-meta"><span class="visually-hidden">Length </span>{formatDuration(v.durationSeconds)}</span> : null}
      {subs ? <span class="video-meta">{subs}</span> : null}
      {props.via ? <span class="video-meta">{props.via}</span> : null}
    </figcaption>
  );
}

// The play button shows once the island has taken over (class video-ready): without JavaScript
// it could do nothing, and the poster link is the way to the video.
/**
 * A third-party video behind a click: our poster, the title and a play button. Nothing is
 * fetched from the provider until the reader clicks; without JavaScript the poster is a link to
 * the video on the provider's site.
 */
function Facade(props: { video: VideoView; eager: boolean }): JSX.Element {
  const v = props.video;
  const provider = providerNamed(v.provider)!;
  const id = v.providerId!;
  return (
    <figure class="video video-facade" data-video-facade="" data-embed-src={provider.embedUrl(id)} data-video-title={v.title}>
      <div class="video-frame">
        <a class="video-link" href={provider.watchUrl(id)} rel="noopener">
          {v.posterUrl ? <img src={v.posterUrl} alt="" width={1280} height={720} loading={props.eager ? 'eager' : 'lazy'} decoding="async" /> : null}
          <span class="video-nojs">Watch “{v.title}” on {provider.label}</span>
        </a>
        <button type="button" class="video-play" aria-label={`Play video: ${v.title}`}>
          <span class="video-play-icon" aria-hidden="true" />
        </button>
      </div>
      <Caption video={v} via={`Plays from ${provider.label} when you press play`} />
    </figure>
  );
}

/** A video we host: the browser's own player, subtitles as tracks. */
function SelfHosted(props: { video: VideoView; defaultSubtitleLang: string | null }): JSX.Element {
  const v = props.video;
  return (
    <figure class="video video-self">
      <div class="video-frame">
        <video controls preload="none" poster={v.posterUrl} width={1280} height={720} playsInline>
          <source src={v.fileUrl} type={v.contentType} />
          {v.subtitles.map((s) => (
            <track kind="subtitles" srcLang={s.lang} label={s.label} src={s.url} default={s.lang === props.defaultSubtitleLang} />
          ))}
          <a href={v.fileUrl}>Download the video</a>
        </video>
      </div>
      <Caption video={v} />
    </figure>
  );
}

export function VideoFigure(props: { video: VideoView; defaultSubtitleLang?: string | null; eager?: boolean }): JSX.Element | null {
  const v = props.video;
  if (v.provider === 'self') return v.fileUrl ? <SelfHosted video={v} defaultSubtitleLang={props.defaultSubtitleLang ?? null} /> : null;
  return providerNamed(v.provider) && v.providerId ? <Facade video={v} eager={props.eager ?? false} /> : null;
}

/** The same markup as a string, for the Markdown plugin (escaped by preact like any JSX). */
export function videoFigureHtml(video: VideoView, defaultSubtitleLang: string | null): string {
  return renderToString(<VideoFigure video={video} defaultSubtitleLang={defaultSubtitleLang} />);
}
