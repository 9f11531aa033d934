import type { NameSources } from './catalog.repository.js';

/** A knowledge-base entity that a name in a text can point to. */
export interface EntityRef {
  type: 'person' | 'drama' | 'role';
  id: number;
  /** The entity's own name (display name, title or character name). */
  name: string;
  /** Page the name links to. */
  href: string;
  /** For a role: the actor and the drama. */
  personId?: number;
  dramaId?: number;
}

/** One place in a text where a known name appears. */
export interface Mention {
  /** UTF-16 offsets into the text searched. */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** Every entity that name can mean; more than one person means an editor must settle it. */
  candidates: EntityRef[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const HANGUL = /\p{Script=Hangul}/u;

// Between the words of a name: spaces, and at most one line break. A name may be wrapped over a
// line, but a blank line ends a paragraph, so "…with Song" / "Kang said…" in two paragraphs is not one.
const NAME_GAP = '(?:[^\\S\\n]+\\n?|\\n)[^\\S\\n]*';

// What may follow a Hangul name inside a word: case particles and honorifics, up to two stacked
// (송강에게는). Anything else makes it a longer word: 비 (the singer Rain) is not found in 비빔밥,
// nor 송강 in 송강남. Longest first, so the alternation tries 에게 before 에.
const HANGUL_PARTICLES = ['에게서', '에서는', '에게', '한테', '께서', '에서', '으로', '이랑', '하고', '처럼', '보다', '까지', '부터', '이나', '이고', '이며', '이다', '이야',
  '은', '는', '이', '가', '을', '를', '의', '와', '과', '도', '만', '께', '에', '로', '랑', '나', '고', '며', '님', '씨', '야', '아'];
const HANGUL_TAIL = `(?=(?:${HANGUL_PARTICLES.join('|')}){0,2}(?![\\p{L}\\p{N}]))`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds the names of the knowledge base in a text. Matching is case-sensitive (the linter,
 * not the linker, deals with "Kang song"), spans any whitespace between the words of a name
 * (so a name broken over a line still counts) and stops at letter boundaries, so "Song Kang's"
 * is found and "Kangaroo" is not. A Hangul name may carry a particle (송강은, 한소희가).
 */
export class NameIndex {
  private readonly bySurface = new Map<string, EntityRef[]>();
  private readonly pattern: RegExp | null;

  constructor(sources: NameSources) {
    const add = (surface: string | null | undefined, ref: EntityRef) => {
      const s = surface?.trim().replace(/\s+/g, ' ');
      if (!s) return;
      const list = this.bySurface.get(s) ?? [];
      if (!list.some((r) => r.type === ref.type && r.id === ref.id)) list.push(ref);
      this.bySurface.set(s, list);
    };
    const people = new Map(sources.people.map((p) => [p.id, p]));
    const dramas = new Map(sources.dramas.map((d) => [d.id, d]));
    for (const p of sources.people) {
      const ref: EntityRef = { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` };
      add(p.display_name, ref);
      add(p.hangul_name, ref);
    }
    for (const a of sources.personAliases) {
      const p = people.get(a.person_id);
      if (p) add(a.alias, { type: 'person', id: p.id, name: p.display_name, href: `/people/${p.slug}` });
    }
    for (const d of sources.dramas) {
      const ref: EntityRef = { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` };
      add(d.title, ref);
      add(d.native_title, ref);
    }
    for (const a of sources.dramaAliases) {
      const d = dramas.get(a.drama_id);
      if (d) add(a.alias, { type: 'drama', id: d.id, name: d.title, href: `/dramas/${d.slug}` });
    }
    const roles = new Map(sources.roles.map((r) => [r.id, r]));
    const roleRef = (r: (typeof sources.roles)[number]): EntityRef | null => {
      const d = dramas.get(r.drama_id);
      if (!d) return null;
      return { type: 'role', id: r.id, name: r.character_name, href: `/dramas/${d.slug}#role-${r.id}`, personId: r.person_id, dramaId: r.drama_id };
    };
    for (const r of sources.roles) {
      const ref = roleRef(r);
      if (ref) add(r.character_name, ref);
    }
    for (const a of sources.roleAliases) {
      const r = roles.get(a.role_id);
      const ref = r && roleRef(r);
      if (ref) add(a.alias, ref);
    }

    // Longest names first, so "Park Jae Eon" wins over a shorter name inside it.
    const surfaces = [...this.bySurface.keys()].sort((a, b) => b.length - a.length);
    const alternatives = surfaces.map((s) => {
      const body = s.split(' ').map(escapeRegExp).join(NAME_GAP);
      return HANGUL.test(s.at(-1) ?? '') ? `${body}${HANGUL_TAIL}` : `${body}(?![\\p{L}\\p{N}])`;
    });
    this.pattern = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'gu') : null;
  }

  /**
   * Every mention in `text`, in order, without overlaps. `markedAsTitle` says the whole text sits
   * in emphasis or quotes (as a drama title in Markdown does), so a one-word title counts anywhere.
   */
  find(text: string, options: { markedAsTitle?: boolean } = {}): Mention[] {
    if (!this.pattern) return [];
    const out: Mention[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const written = m[0];
      const start = m.index;
      const candidates = this.bySurface.get(written.replace(/\s+/g, ' '));
      if (!candidates) continue;
      if (!options.markedAsTitle && isWeakAtSentenceStart(written, text, start)) continue;
      out.push({ start, end: start + written.length, text: written, candidates });
    }
    return out;
  }

  /** The entities a name can mean, or an empty list. */
  lookup(name: string): EntityRef[] {
    return this.bySurface.get(name.trim().replace(/\s+/g, ' ')) ?? [];
  }
}

/**
 * A one-word title such as "Nevertheless" is also an ordinary word. At the start of a sentence it
 * is far more often the word than the drama, so it only counts there when marked as a title
 * (italics or quotes), as style guides ask for drama titles anyway.
 */
function isWeakAtSentenceStart(written: string, text: string, start: number): boolean {
  if (/\s/.test(written) || HANGUL.test(written)) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  if (/[*_"“‘']$/.test(before)) return false;
  let i = start - 1;
  let lineBreaks = 0;
  for (; i >= 0 && /\s/.test(text[i]!); i--) if (text[i] === '\n') lineBreaks++;
  // The start of the text or of a paragraph (a blank line before) starts a sentence too.
  if (i < 0 || lineBreaks >= 2) return true;
  const ch = text[i]!;
  if (/[.!?:]/.test(ch)) return true;
  // "# Nevertheless" heading or "- Nevertheless" list item start a sentence too.
  if (/[#>\-]/.test(ch) && (i === 0 || text[i - 1] === '\n' || text[i - 1] === ' ')) return !LETTER_OR_DIGIT.test(text[i - 1] ?? '');
  return false;
}
