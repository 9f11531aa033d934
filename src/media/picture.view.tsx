import type { JSX } from 'preact';
import type { StoredImage, VariantFormat } from './images.service.js';
import { mediaUrl } from './storage.js';

const TYPE: Record<VariantFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

/**
 * An uploaded image as <picture>: AVIF, then WebP, then JPEG, each at every width made, with the
 * intrinsic width and height (no layout shift). The hero loads eagerly with high priority; the
 * rest lazily. A tiny blurred copy sits behind it until the real image paints.
 */
export function ResponsivePicture(props: { image: StoredImage; alt: string; sizes: string; hero?: boolean }): JSX.Element {
  const { image } = props;
  const srcset = (format: VariantFormat) =>
    image.variants.filter((v) => v.format === format).map((v) => `${mediaUrl(v.key)} ${v.width}w`).join(', ');
  const jpegs = image.variants.filter((v) => v.format === 'jpeg');
  const fallback = jpegs.find((v) => v.width >= 960) ?? jpegs.at(-1)!;
  return (
    <picture class="picture" style={{ backgroundColor: image.dominantColor, backgroundImage: `url("${image.placeholder}")` }}>
      {(['avif', 'webp'] as const).map((format) => (
        <source type={TYPE[format]} srcset={srcset(format)} sizes={props.sizes} />
      ))}
      <img
        src={mediaUrl(fallback.key)}
        srcset={srcset('jpeg')}
        sizes={props.sizes}
        alt={props.alt}
        width={image.width}
        height={image.height}
        loading={props.hero ? 'eager' : 'lazy'}
        decoding={props.hero ? 'sync' : 'async'}
        {...(props.hero ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
}
