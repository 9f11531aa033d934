// File types decided by their first bytes, never by the name or the client's Content-Type.

export type SniffedType =
  | { kind: 'video'; mime: 'video/mp4' | 'video/webm'; ext: 'mp4' | 'webm' }
  | { kind: 'image'; mime: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif'; ext: 'jpg' | 'png' | 'webp' | 'avif' | 'gif' };

const ascii = (buf: Buffer, start: number, end: number) => buf.subarray(start, end).toString('latin1');

export function sniffType(buf: Buffer): SniffedType | undefined {
  if (buf.length < 12) return undefined;
  // ISO base media: a box size, then "ftyp" and a brand. AVIF is an ftyp file too.
  if (ascii(buf, 4, 8) === 'ftyp') {
    const brand = ascii(buf, 8, 12);
    if (brand === 'avif' || brand === 'avis') return { kind: 'image', mime: 'image/avif', ext: 'avif' };
    if (brand.startsWith('heic') || brand === 'mif1') return undefined;
    return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  }
  // EBML magic (Matroska/WebM). The DocType is checked so a .mkv is not served as video/webm.
  if (buf[0] === 0x1a && buf[1] === 0x45 && buf[2] === 0xdf && buf[3] === 0xa3) {
    return ascii(buf, 0, Math.min(buf.length, 64)).includes('webm') ? { kind: 'video', mime: 'video/webm', ext: 'webm' } : undefined;
  }
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { kind: 'image', mime: 'image/png', ext: 'png' };
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return { kind: 'image', mime: 'image/webp', ext: 'webp' };
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return { kind: 'image', mime: 'image/gif', ext: 'gif' };
  return undefined;
}

/** Content types of stored files, by the extension the storage key ends with. */
export const CONTENT_TYPE_BY_EXT: Record<string, string> = {
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};
