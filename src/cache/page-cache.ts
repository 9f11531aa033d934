import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { CacheTag } from './purge.js';

/** One rendered page, kept with its compressed forms so a hit costs no CPU but the write. */
export interface CachedPage {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** Strong validator of the uncompressed body. */
  etag: string;
  contentType: string;
  tags: CacheTag[];
  /** Epoch ms after which the page is rendered again. */
  expiresAt: number;
  /** Bytes this entry holds, for the bound. */
  size: number;
}

/**
 * A bounded in-memory cache of rendered pages, keyed by URL, each entry tagged with what it
 * depends on. Least recently used entries go first when the byte bound is reached; a purge drops
 * exactly the entries that carry one of the purged tags.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byTag = new Map<CacheTag, Set<string>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** A fresh entry, or undefined; a hit becomes the most recently used. */
  get(key: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores a page: compresses it once (brotli and gzip) and indexes its tags. */
  set(key: string, page: { body: Buffer; contentType: string; tags: CacheTag[]; ttlMs: number }, now: number): CachedPage {
    this.delete(key);
    const gzip = zlib.gzipSync(page.body, { level: 6 });
    const br = zlib.brotliCompressSync(page.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } });
    const etag = `"${crypto.createHash('sha1').update(page.body).digest('base64url')}"`;
    const entry: CachedPage = {
      body: page.body, gzip, br, etag, contentType: page.contentType, tags: [...new Set(page.tags)],
      expiresAt: now + page.ttlMs, size: page.body.length + gzip.length + br.length + key.length,
    };
    if (entry.size > this.maxBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return entry;
  }

  /** Drops every entry carrying any of `tags`; returns how many went. */
  purge(tags: CacheTag[]): number {
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++;
      }
    }
    return dropped;
  }

  get size(): number {
    return this.entries.size;
  }

  get byteSize(): number {
    return this.bytes;
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.size;
    for (const tag of entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
