// Reads a video's duration from its container header, without decoding anything.

/** MP4: the movie header box ("mvhd") holds a timescale and a duration in its units. */
function mp4DurationSeconds(buf: Buffer): number | undefined {
  const at = buf.indexOf('mvhd', 0, 'latin1');
  if (at < 4) return undefined;
  const version = buf[at + 4];
  const body = at + 8;
  if (version === 1) {
    if (buf.length < body + 28) return undefined;
    const timescale = buf.readUInt32BE(body + 16);
    const duration = Number(buf.readBigUInt64BE(body + 20));
    return timescale ? duration / timescale : undefined;
  }
  if (buf.length < body + 16) return undefined;
  const timescale = buf.readUInt32BE(body + 8);
  const duration = buf.readUInt32BE(body + 12);
  return timescale ? duration / timescale : undefined;
}

/** WebM: Segment > Info > Duration (a float in TimecodeScale units, nanoseconds per unit). */
function webmDurationSeconds(buf: Buffer): number | undefined {
  // The Info element is near the start; a scan for the Duration ID with an 8- or 4-byte float
  // size is enough for the files browsers and encoders write.
  const head = buf.subarray(0, Math.min(buf.length, 64 * 1024));
  let scale = 1_000_000;
  const scaleAt = head.indexOf(Buffer.from([0x2a, 0xd7, 0xb1]));
  if (scaleAt >= 0) {
    const size = head[scaleAt + 3]! & 0x7f;
    if (size >= 1 && size <= 6) scale = head.readUIntBE(scaleAt + 4, size);
  }
  for (let at = head.indexOf(Buffer.from([0x44, 0x89])); at >= 0; at = head.indexOf(Buffer.from([0x44, 0x89]), at + 1)) {
    const size = head[at + 2];
    if (size === 0x88 && at + 11 <= head.length) return (head.readDoubleBE(at + 3) * scale) / 1e9;
    if (size === 0x84 && at + 7 <= head.length) return (head.readFloatBE(at + 3) * scale) / 1e9;
  }
  return undefined;
}

export function probeDurationSeconds(buf: Buffer, mime: string): number | undefined {
  const seconds = mime === 'video/mp4' ? mp4DurationSeconds(buf) : webmDurationSeconds(buf);
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : undefined;
}
