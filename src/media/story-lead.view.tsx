import type { JSX } from 'preact';
import { ResponsivePicture } from './picture.view.js';
import { bodyPlacesLeadVideo, type StoryMedia } from './story-media.js';
import { VideoFigure } from './video.view.js';

/**
 * What a story shows above its body: the lead video (unless the body places it with a
 * ```video lead block), else the uploaded lead image. Undefined leaves the page's own hero.
 */
export function StoryLead(props: { media: StoryMedia; body: string; alt: string | null }): JSX.Element | undefined {
  const { media } = props;
  if (media.lead) {
    if (bodyPlacesLeadVideo(props.body)) return undefined;
    return (
      <div class="article-hero article-hero-video">
        <VideoFigure video={media.lead} defaultSubtitleLang={media.defaultSubtitleLang} eager />
      </div>
    );
  }
  if (media.leadImage) {
    return (
      <div class="article-hero">
        <ResponsivePicture image={media.leadImage} alt={props.alt ?? ''} sizes="(min-width: 760px) 720px, 100vw" hero />
      </div>
    );
  }
  return undefined;
}
