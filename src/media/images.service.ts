import type { Kysely } from 'kysely';
import type { Metadata } from 'sharp';
import { loadSharp } from './sharp.js';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { MediaError } from './media.errors.js';
import { sniffType } from './sniff.js';
import type { MediaStorage } from './storage.js';

/** Largest upload accepted, in bytes. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Largest image accepted, in pixels (width × height): a 40-megapixel photo, not a decompression bomb. */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Widths made for srcset; none wider than the original. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export interface ImageVariant {
  format: VariantFormat;
  width: number;
  height: number;
  key: string;
}

export interface StoredImage {
  id: number;
  width: number;
  height: number;
  variants: ImageVariant[];
  placeholder: string;
  dominantColor: string;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/**
 * Checks an upload by its content, then stores AVIF, WebP and JPEG variants at several widths.
 * Metadata (EXIF with GPS, XMP, comments) is not copied: sharp writes none unless asked.
 */
export async function addImage(input: { bytes: Buffer }, deps: { db: Kysely<Database>; storage: MediaStorage; clock: Clock }): Promise<StoredImage> {
  const { bytes } = input;
  if (bytes.length > MAX_IMAGE_BYTES) throw new MediaError(`the image is ${bytes.length} bytes; the limit is ${MAX_IMAGE_BYTES}`, 413);
  const type = sniffType(bytes);
  if (!type || type.kind !== 'image') throw new MediaError('the file is not a JPEG, PNG, WebP, AVIF or GIF image', 415);
  // Header first: the pixel count is known before anything is decoded, so a bomb costs nothing.
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    // metadata() reads the header only; the limit is checked below with a message that says why.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaError('the image could not be read; it may be damaged', 422);
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  if (!width || !height) throw new MediaError('the image has no size', 422);
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new MediaError(`the image is ${width}×${height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`, 413);
  }
  const base = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).rotate();
  const widths = [...VARIANT_WIDTHS.filter((w) => w < width), Math.min(width, VARIANT_WIDTHS.at(-1)!)];
  const variants: ImageVariant[] = [];
  try {
    for (const w of new Set(widths)) {
      const h = Math.round((height * w) / width);
      for (const format of VARIANT_FORMATS) {
        const pipeline = base().resize({ width: w, withoutEnlargement: true });
        const out =
          format === 'avif' ? pipeline.avif({ quality: 50, effort: 2 }) : format === 'webp' ? pipeline.webp({ quality: 72 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 78, mozjpeg: true });
        const stored = await deps.storage.put(await out.toBuffer(), format === 'jpeg' ? 'jpg' : format);
        variants.push({ format, width: w, height: h, key: stored.key });
      }
    }
  } catch (err) {
    throw new MediaError(`the image could not be converted: ${(err as Error).message}`, 422);
  }
  const tiny = await base().resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
  const { dominant } = await base().stats();
  const record = {
    width,
    height,
    variants: JSON.stringify(variants),
    placeholder: `data:image/webp;base64,${tiny.toString('base64')}`,
    dominant_color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
    created_at: deps.clock().toISOString(),
  };
  const { id } = await deps.db.insertInto('media_images').values(record).returning('id').executeTakeFirstOrThrow();
  return { id, width, height, variants, placeholder: record.placeholder, dominantColor: record.dominant_color };
}

export async function findImage(db: Kysely<Database>, id: number): Promise<StoredImage | undefined> {
  const row = await db.selectFrom('media_images').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, width: row.width, height: row.height, variants: JSON.parse(row.variants) as ImageVariant[], placeholder: row.placeholder, dominantColor: row.dominant_color };
}

/** `/media/images/12` → 12: the URL form an editor puts in a story for an uploaded image. */
export function imageIdFromUrl(url: string | null | undefined): number | undefined {
  const m = url ? /^\/media\/images\/(\d{1,9})$/.exec(url) : null;
  return m ? Number(m[1]) : undefined;
}
