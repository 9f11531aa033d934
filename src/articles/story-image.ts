import type { StoryMedia } from '../media/story-media.js';
import { absoluteUrl } from '../web/structured-data.js';
import { safeImageUrl } from '../catalog/views/picture.js';
import type { Site } from '../web/site.js';

/** The one picture that stands for a story in JSON-LD, social cards and oEmbed. */
export interface StoryImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  /** Pixels, when known (oEmbed wants both or neither). */
  width: number | undefined;
  height: number | undefined;
}

/**
 * The story's lead image, or else the poster of its lead video: a Watch story without a photo
 * still gets a large card. Undefined when it has neither.
 */
export function storyImage(
  site: Site,
  article: { headline: string; lead_image_url: string | null; lead_image_alt: string | null },
  media: Pick<StoryMedia, 'lead' | 'leadImage'>,
): StoryImage | undefined {
  // Staff input: only http(s) and site paths, as on the page itself.
  const lead = safeImageUrl(article.lead_image_url);
  if (lead) {
    // /media/images/:id serves the largest JPEG variant of an uploaded image.
    const jpeg = media.leadImage?.variants.filter((v) => v.format === 'jpeg').at(-1);
    return { url: absoluteUrl(site, lead), alt: article.lead_image_alt || article.headline, width: jpeg?.width, height: jpeg?.height };
  }
  const poster = media.lead?.posterUrl;
  // A poster's size is not stored (uploaded ones keep their aspect), so it is left unsaid.
  return poster ? { url: absoluteUrl(site, poster), alt: media.lead!.title, width: undefined, height: undefined } : undefined;
}
