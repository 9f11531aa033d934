import type { JSX } from 'preact';

export { safeImageUrl } from '../../web/safe-url.js';
import { safeImageUrl } from '../../web/safe-url.js';

/**
 * A person's photo or a drama's poster in a fixed 3:4 frame, or the placeholder initial when there
 * is none. Width and height are always set, so the page does not move when the image arrives.
 */
export function EntityPicture(props: {
  url: string | null;
  alt: string;
  /** Shown, large and faint, when there is no picture: a Hangul syllable or an initial. */
  initial: string;
  width: number;
  height: number;
  class: string;
  eager?: boolean;
}): JSX.Element {
  const src = safeImageUrl(props.url);
  if (!src) {
    return (
      <div class={props.class} aria-hidden="true">
        {props.initial}
      </div>
    );
  }
  return (
    <div class={`${props.class} has-image`}>
      <img src={src} alt={props.alt} width={props.width} height={props.height} loading={props.eager ? 'eager' : 'lazy'} decoding="async" />
    </div>
  );
}
