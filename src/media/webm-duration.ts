// Chromium's MediaRecorder writes WebM without a Duration (it streams and never seeks back), so
// players show an unknown length. This writes Segment > Info > Duration into such a file.
// Only the demo fixture generator uses it; uploads are stored byte for byte.

const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const DURATION = 0x4489;
const TIMECODE_SCALE = 0x2ad7b1;

function vintLength(first: number): number {
  for (let len = 1; len <= 8; len++) if (first & (0x80 >> (len - 1))) return len;
  throw new Error('invalid EBML variable-length integer');
}

function readId(buf: Buffer, at: number): { id: number; len: number } {
  const len = vintLength(buf[at]!);
  let id = 0;
  for (let i = 0; i < len; i++) id = id * 256 + buf[at + i]!;
  return { id, len };
}

function readSize(buf: Buffer, at: number): { size: number; len: number; unknown: boolean } {
  const len = vintLength(buf[at]!);
  let size = buf[at]! & (0xff >> len);
  let allOnes = size === 0xff >> len;
  for (let i = 1; i < len; i++) {
    size = size * 256 + buf[at + i]!;
    if (buf[at + i] !== 0xff) allOnes = false;
  }
  return { size, len, unknown: allOnes };
}

/** An 8-byte EBML size: always wide enough, so the caller never has to shift by a varying amount. */
function size8(n: number): Buffer {
  const out = Buffer.alloc(8);
  out[0] = 0x01;
  out.writeUIntBE(n, 2, 6);
  return out;
}

/** Returns a copy of `webm` whose Segment Info carries a Duration of `durationMs`. */
export function addWebmDuration(webm: Buffer, durationMs: number): Buffer {
  let at = 0;
  const header = readId(webm, at);
  const headerSize = readSize(webm, at + header.len);
  at += header.len + headerSize.len + headerSize.size;
  const seg = readId(webm, at);
  if (seg.id !== SEGMENT) throw new Error('no Segment after the EBML header');
  const segSizeAt = at + seg.len;
  const segSize = readSize(webm, segSizeAt);
  let child = segSizeAt + segSize.len;
  while (child < webm.length) {
    const el = readId(webm, child);
    const sz = readSize(webm, child + el.len);
    const dataAt = child + el.len + sz.len;
    if (el.id !== INFO) {
      child = dataAt + sz.size;
      continue;
    }
    let scale = 1_000_000;
    for (let p = dataAt; p < dataAt + sz.size; ) {
      const c = readId(webm, p);
      const s = readSize(webm, p + c.len);
      const d = p + c.len + s.len;
      if (c.id === DURATION) return webm; // already there
      if (c.id === TIMECODE_SCALE) scale = webm.readUIntBE(d, s.size);
      p = d + s.size;
    }
    const duration = Buffer.alloc(11);
    duration.writeUInt16BE(DURATION, 0);
    duration[2] = 0x88; // size 8
    duration.writeDoubleBE((durationMs * 1_000_000) / scale, 3);
    const infoData = webm.subarray(dataAt, dataAt + sz.size);
    const newInfo = Buffer.concat([webm.subarray(child, child + el.len), size8(sz.size + duration.length), infoData, duration]);
    const grownBy = newInfo.length - (dataAt + sz.size - child);
    const segHead = segSize.unknown
      ? webm.subarray(at, segSizeAt + segSize.len)
      : Buffer.concat([webm.subarray(at, segSizeAt), size8(segSize.size + grownBy + (segSize.len - 8))]);
    return Buffer.concat([webm.subarray(0, at), segHead, webm.subarray(segSizeAt + segSize.len, child), newInfo, webm.subarray(dataAt + sz.size)]);
  }
  throw new Error('no Segment Info element found');
}
