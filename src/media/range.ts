// HTTP Range requests (RFC 7233 / RFC 9110 §14) for stored media.
//
// Choices, each allowed by the RFC:
// - A Range header that does not parse is ignored (full 200), as §3.1 says.
// - Several ranges are answered with the whole file (200): a server MAY ignore Range, browsers
//   never ask for several, and it closes the door on many-small-ranges amplification.
// - A syntactically valid single range that starts at or past the end is 416 with
//   `Content-Range: bytes */size`.

export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

export function decideRange(header: string | undefined, size: number): RangeDecision {
  if (header === undefined) return { kind: 'full' };
  const m = /^\s*bytes\s*=\s*(.+)$/i.exec(header);
  if (!m) return { kind: 'full' };
  const specs = m[1]!.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (specs.length === 0) return { kind: 'full' };
  const parsed: { first?: number; last?: number; suffix?: number }[] = [];
  for (const spec of specs) {
    const s = SPEC.exec(spec);
    if (!s || (s[1] === '' && s[2] === '')) return { kind: 'full' };
    if (s[1] === '') {
      parsed.push({ suffix: Number(s[2]) });
      continue;
    }
    const first = Number(s[1]);
    const last = s[2] === '' ? undefined : Number(s[2]);
    // "bytes=500-100" is invalid syntax: the whole header is ignored.
    if (last !== undefined && last < first) return { kind: 'full' };
    parsed.push(last === undefined ? { first } : { first, last });
  }
  if (parsed.length > 1) return { kind: 'full' };
  const r = parsed[0]!;
  if (r.suffix !== undefined) {
    if (r.suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - r.suffix), end: size - 1 };
  }
  const first = r.first!;
  if (first >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start: first, end: Math.min(r.last ?? size - 1, size - 1) };
}
