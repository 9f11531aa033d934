import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const here = path.dirname(fileURLToPath(import.meta.url));

interface Asset {
  body: Buffer;
  type: string;
  /** Name with a content hash, e.g. site.3f2a1c9b.css. */
  hashedName: string;
  /** Compressed once at start (text types only): most of the page weight a reader downloads. */
  br?: Buffer;
  gzip?: Buffer;
}

/** The site's static assets, built once at start and served under content-hashed names. */
export class Assets {
  private readonly byLogicalName = new Map<string, Asset>();
  private readonly byHashedName = new Map<string, Asset>();

  add(logicalName: string, body: Buffer, type: string): void {
    const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 10);
    const ext = path.extname(logicalName);
    const text = /^text\/|javascript|svg/.test(type);
    const asset: Asset = {
      body,
      type,
      hashedName: `${path.basename(logicalName, ext)}.${hash}${ext}`,
      ...(text ? { br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }), gzip: zlib.gzipSync(body, { level: 9 }) } : {}),
    };
    this.byLogicalName.set(logicalName, asset);
    this.byHashedName.set(asset.hashedName, asset);
  }

  /** Public URL of an asset, e.g. /assets/site.3f2a1c9b.css. */
  url(logicalName: string): string {
    const a = this.byLogicalName.get(logicalName);
    if (!a) throw new Error(`unknown asset ${logicalName}`);
    return `/assets/${a.hashedName}`;
  }

  get(hashedName: string): Asset | undefined {
    return this.byHashedName.get(hashedName);
  }
}

/** Reads the stylesheet and bundles the client islands (TypeScript, minified). */
export async function buildAssets(): Promise<Assets> {
  const assets = new Assets();
  assets.add('site.css', fs.readFileSync(path.join(here, 'assets', 'site.css')), 'text/css; charset=utf-8');
  // The publisher logo of JSON-LD and cards (raster, as search engines want; scripts/make-logo.ts).
  assets.add('logo.png', fs.readFileSync(path.join(here, 'assets', 'logo.png')), 'image/png');
  assets.add('app.js', await bundleIslands(), 'text/javascript; charset=utf-8');
  return assets;
}

let islands: Promise<Buffer> | undefined;

/**
 * The client islands bundled once per process (several apps in one test process share it).
 * esbuild is loaded for this and its helper process stopped afterwards: it would otherwise stay
 * resident beside every server process for nothing.
 */
function bundleIslands(): Promise<Buffer> {
  islands ??= (async () => {
    const esbuild = await import('esbuild');
    try {
      const result = await esbuild.build({
        // From sources (tsx) the entry is main.ts; from a `npm run build` in dist/ it is main.js.
        entryPoints: [path.join(here, 'islands', fs.existsSync(path.join(here, 'islands', 'main.ts')) ? 'main.ts' : 'main.js')],
        bundle: true,
        minify: true,
        format: 'esm',
        target: ['es2020'],
        write: false,
        legalComments: 'none',
      });
      return Buffer.from(result.outputFiles[0]!.contents);
    } finally {
      await esbuild.stop();
    }
  })();
  return islands;
}

export function registerAssetRoutes(app: FastifyInstance, assets: Assets): void {
  app.get('/assets/:name', { schema: { hide: true, params: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } } }, async (request, reply) => {
    const asset = assets.get((request.params as { name: string }).name);
    if (!asset) return reply.callNotFound();
    // The name changes whenever the content does, so browsers and CDNs may keep it forever.
    reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type);
    if (!asset.br || !asset.gzip) return reply.send(asset.body);
    reply.header('vary', 'Accept-Encoding');
    const accept = String(request.headers['accept-encoding'] ?? '');
    if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(asset.br);
    if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
}
