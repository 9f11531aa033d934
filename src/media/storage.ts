import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where media bytes live. A file folder today; an object store can implement the same four calls. */
export interface MediaStorage {
  /** Stores the bytes under a name made of their SHA-256 and the extension; the same bytes give the same key. */
  put(bytes: Buffer, ext: string): Promise<{ key: string; bytes: number }>;
  /** A stream of the whole file or of the inclusive byte range [start, end]. */
  get(key: string, range?: { start: number; end: number }): Readable;
  /** Size and modification time, or undefined when there is no such file. */
  stat(key: string): Promise<{ bytes: number; modifiedAt: Date } | undefined>;
  delete(key: string): Promise<void>;
}

/** A stored name: 32 hex digits of the content hash, a dot, and a short lowercase extension. */
export const MEDIA_KEY = /^[0-9a-f]{32}\.[a-z0-9]{2,5}$/;

export function isMediaKey(key: string): boolean {
  return MEDIA_KEY.test(key);
}

function checkKey(key: string): string {
  // The key becomes a path: only names this module made are accepted (no "..", no slashes).
  if (!isMediaKey(key)) throw new Error(`not a media key: ${JSON.stringify(key)}`);
  return key;
}

/** Files under `dir`, spread over 256 sub-folders by the first two hex digits of the hash. */
export function createFileStorage(dir: string): MediaStorage {
  const fileOf = (key: string) => path.join(dir, checkKey(key).slice(0, 2), key);
  return {
    async put(bytes, ext) {
      const key = `${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${ext.toLowerCase()}`;
      const file = fileOf(key);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Write to a temporary name and rename, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, file);
      return { key, bytes: bytes.length };
    },
    get(key, range) {
      return fs.createReadStream(fileOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async stat(key) {
      if (!isMediaKey(key)) return undefined;
      try {
        const s = await fs.promises.stat(fileOf(key));
        return s.isFile() ? { bytes: s.size, modifiedAt: s.mtime } : undefined;
      } catch {
        return undefined;
      }
    },
    async delete(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}

/** Public URL of a stored file. */
export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
