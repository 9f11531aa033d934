import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { fixedClock } from '../lib/clock.js';
import { addImage, findImage, MAX_IMAGE_PIXELS } from './images.service.js';
import { createFileStorage, type MediaStorage } from './storage.js';

/** A PNG that is all header: IHDR says width × height, and IDAT holds 64 zero bytes. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 120 } } }).jpeg().toBuffer();

describeEachDatabase('images', (getDb) => {
  let dir: string;
  let storage: MediaStorage;
  const clock = fixedClock('2026-11-25T12:00:00.000Z');
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onset-images-test-'));
    storage = createFileStorage(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const deps = () => ({ db: getDb().kysely, storage, clock });

  test('an upload becomes AVIF, WebP and JPEG at every width up to its own, each a real file of that type and size', async () => {
    const image = await addImage({ bytes: await photo(1500, 1000) }, deps());
    assert.equal(image.width, 1500);
    assert.equal(image.height, 1000);
    const widths = [...new Set(image.variants.map((v) => v.width))];
    assert.deepEqual(widths, [320, 640, 960, 1280, 1500]);
    for (const v of image.variants) {
      const stored = await storage.stat(v.key);
      assert.ok(stored && stored.bytes > 0);
      const meta = await sharp(fs.readFileSync(path.join(dir, v.key.slice(0, 2), v.key))).metadata();
      assert.equal(meta.format === 'heif' ? 'avif' : meta.format, v.format, v.key);
      assert.equal(meta.width, v.width);
      assert.equal(meta.height, Math.round((1000 * v.width) / 1500));
    }
    assert.match(image.placeholder, /^data:image\/webp;base64,/);
    assert.ok(image.placeholder.length < 600, 'the placeholder is tiny');
    assert.match(image.dominantColor, /^#[0-9a-f]{6}$/);
    assert.deepEqual(await findImage(getDb().kysely, image.id), image);
  });

  test('EXIF with GPS position is not in any stored variant', async () => {
    const withGps = await sharp(await photo(800, 600))
      .withExif({ IFD0: { Copyright: 'Onset test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 59/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 41/1' } })
      .jpeg()
      .toBuffer();
    const inputMeta = await sharp(withGps).metadata();
    assert.ok(inputMeta.exif && inputMeta.exif.indexOf(Buffer.from('Onset test')) >= 0, 'the test image does carry EXIF');
    const image = await addImage({ bytes: withGps }, deps());
    for (const v of image.variants) {
      const bytes = fs.readFileSync(path.join(dir, v.key.slice(0, 2), v.key));
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.exif, undefined, `${v.format} ${v.width} has no EXIF`);
      assert.equal(bytes.indexOf(Buffer.from('Onset test')), -1);
    }
  });

  test('a decompression bomb is refused from its header, before any pixel is decoded', async () => {
    // 100000 × 100000 = 10 gigapixels, in a ~80-byte file with almost no pixel data: decoding it would
    // fail as "damaged" (422); the pixel-count refusal (413) shows it was never decoded.
    const bomb = pngHeaderOnly(100_000, 100_000);
    assert.ok(bomb.length < 120);
    await assert.rejects(addImage({ bytes: bomb }, deps()), (err: Error & { statusCode?: number }) => {
      assert.equal(err.statusCode, 413);
      assert.equal(err.message, `the image is 100000×100000 pixels; the limit is ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`);
      return true;
    });
  });

  test('types are sniffed from content: a text file named like an image, and a truncated JPEG, are refused', async () => {
    await assert.rejects(addImage({ bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') }, deps()), { statusCode: 415 });
    const jpeg = await photo(400, 300);
    await assert.rejects(addImage({ bytes: jpeg.subarray(0, 200) }, deps()), { statusCode: 422 });
  });
});
