// Subtitles: WebVTT or SRT in, valid WebVTT out. Cue text keeps only the markup WebVTT defines
// for styling (<b> <i> <u> <c> <v> <lang> <ruby> <rt> and timestamps); everything else is text.

export class SubtitleError extends Error {}

export interface Cue {
  /** Line of the timing line in the source, 1-based. */
  line: number;
  startMs: number;
  endMs: number;
  settings: string;
  text: string;
}

export interface SubtitleResult {
  vtt: string;
  cues: Cue[];
  /** Cues that start before the previous one ends: allowed by WebVTT, reported to the editor. */
  overlaps: string[];
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(.*)$/;
const ALLOWED_TAGS = new Set(['b', 'i', 'u', 'c', 'v', 'lang', 'ruby', 'rt']);

/** Decodes UTF-8 strictly: Latin-1 or other bytes are refused, not turned into "�". */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new SubtitleError('subtitles must be UTF-8 text; this file has bytes that are not UTF-8 (save it as UTF-8 and upload again)');
  }
}

function parseTime(text: string, line: number): number {
  const parts = text.replace(',', '.').split(':');
  const [secPart, min, hour] = [parts.pop()!, parts.pop()!, parts.pop() ?? '0'];
  const [sec, frac = '0'] = secPart.split('.');
  const m = Number(min);
  const s = Number(sec);
  if (m > 59 || s > 59) throw new SubtitleError(`line ${line}: timestamp "${text}" has minutes or seconds above 59`);
  return ((Number(hour) * 60 + m) * 60 + s) * 1000 + Number(frac.padEnd(3, '0'));
}

export function formatVttTime(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const f = ms % 1000;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(h)}:${p(m)}:${p(s)}.${p(f, 3)}`;
}

/** Keeps WebVTT's own tags (with their classes and annotations), escapes every other "<" and "&". */
export function cleanCueText(text: string): string {
  const out: string[] = [];
  const re = /<(\/?)([a-z]+)((?:\.[\w-]+)*)(?:\s+([^<>]*))?>|<(\d{2,}:\d{2}:\d{2}\.\d{3}|\d{2}:\d{2}\.\d{3})>|(&(?:amp|lt|gt|lrm|rlm|nbsp);)|([<>&])/gi;
  let last = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    const [, close, tag, classes, annotation, timestamp, entity, bare] = m;
    if (timestamp || entity) out.push(m[0]);
    else if (bare) out.push(bare === '<' ? '&lt;' : bare === '>' ? '&gt;' : '&amp;');
    else if (tag && ALLOWED_TAGS.has(tag.toLowerCase())) {
      const name = tag.toLowerCase();
      // Only <v> and <lang> carry an annotation (the speaker, the language tag).
      const ann = !close && annotation && (name === 'v' || name === 'lang') ? ` ${annotation.replace(/[<>&]/g, '').trim()}` : '';
      out.push(`<${close}${name}${close ? '' : (classes ?? '')}${ann}>`);
    }
    // Any other tag (<font>, <script>, SRT's {\an8} is text and stays) is dropped, its content kept.
  }
  out.push(text.slice(last));
  return out.join('');
}

/**
 * Parses SRT or WebVTT (decided by the "WEBVTT" signature) and returns clean WebVTT.
 * Throws SubtitleError with the line number for a cue whose timing is broken.
 */
export function toWebVtt(bytes: Uint8Array): SubtitleResult {
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const isVtt = /^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '');
  const cues: Cue[] = [];
  let i = isVtt ? 1 : 0;
  if (isVtt) while (i < lines.length && lines[i]!.trim() !== '') i++; // header lines
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    // WebVTT NOTE, STYLE and REGION blocks carry no cue; they are left out of the output.
    if (isVtt && /^(NOTE|STYLE|REGION)(\s|$)/.test(block[0]!)) continue;
    const timingIndex = block.findIndex((l) => l.includes('-->'));
    if (timingIndex === -1) throw new SubtitleError(`line ${blockStart + 1}: expected a cue timing line like "00:00:01,000 --> 00:00:02,500"`);
    if (timingIndex > 1) throw new SubtitleError(`line ${blockStart + timingIndex + 1}: a cue may have at most one line (its number or name) before the timing`);
    const lineNo = blockStart + timingIndex + 1;
    const t = TIMING.exec(block[timingIndex]!);
    if (!t) throw new SubtitleError(`line ${lineNo}: cannot read the cue timing "${block[timingIndex]!.trim()}"`);
    const startMs = parseTime(t[1]!, lineNo);
    const endMs = parseTime(t[2]!, lineNo);
    if (endMs <= startMs) throw new SubtitleError(`line ${lineNo}: the cue ends (${t[2]}) before or when it starts (${t[1]})`);
    // SRT has no cue settings; WebVTT's are kept when they only use the allowed characters.
    const settings = isVtt ? (t[3] ?? '').trim().replace(/[^\w:%.,\- ]/g, '') : '';
    const body = block.slice(timingIndex + 1).map((l) => l.replace(/-->/g, '--&gt;'));
    cues.push({ line: lineNo, startMs, endMs, settings, text: cleanCueText(body.join('\n')) });
  }
  if (cues.length === 0) throw new SubtitleError('the file has no cues');
  const overlaps: string[] = [];
  for (let k = 1; k < cues.length; k++) {
    const prev = cues[k - 1]!;
    const cue = cues[k]!;
    if (cue.startMs < prev.startMs) throw new SubtitleError(`line ${cue.line}: cues must be in time order; this one starts before the cue on line ${prev.line}`);
    if (cue.startMs < prev.endMs) overlaps.push(`line ${cue.line}: starts at ${formatVttTime(cue.startMs)}, before the cue on line ${prev.line} ends at ${formatVttTime(prev.endMs)}`);
  }
  const vtt = ['WEBVTT', '', ...cues.flatMap((c) => [`${formatVttTime(c.startMs)} --> ${formatVttTime(c.endMs)}${c.settings ? ` ${c.settings}` : ''}`, c.text, ''])].join('\n');
  return { vtt, cues, overlaps };
}
