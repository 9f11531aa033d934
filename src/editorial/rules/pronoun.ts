import type { PronounSet } from '../kb.js';
import type { NameMatch } from '../scan.js';
import { quote, type RawFinding, type Rule } from '../rule.js';

const PRONOUNS: Record<string, PronounSet> = { he: 'he', him: 'he', his: 'he', himself: 'he', she: 'she', her: 'she', hers: 'she', herself: 'she' };
// Words that bring someone else into the sentence the pronoun may be about.
const GENDERED_NOUNS: Record<string, PronounSet> = Object.fromEntries([
  ...['actress', 'woman', 'women', 'girl', 'mother', 'mom', 'sister', 'daughter', 'wife', 'girlfriend', 'queen', 'heroine', 'lady', 'aunt', 'grandmother', 'singer-actress', 'female'].map((w) => [w, 'she' as const]),
  ...['man', 'men', 'boy', 'father', 'dad', 'brother', 'son', 'husband', 'boyfriend', 'king', 'hero', 'gentleman', 'uncle', 'grandfather', 'male'].map((w) => [w, 'he' as const]),
]);

/**
 * A he/she that disagrees with the person it most likely refers to, where the knowledge base
 * records that person's pronouns. "Most likely" is the nearest person named before it in the
 * paragraph; it stays silent when anyone named since the previous paragraph (or a word such as
 * "actress" in the sentence) fits the pronoun, and inside quotations, where speakers change.
 * Info level: a guess, with its confidence in the finding.
 */
export const pronoun: Rule = ({ tokens, names, masked, kb }) => {
  const out: RawFinding[] = [];
  const people = names.flatMap((m) => personOf(m, kb));
  const paragraphs = [0, ...[...masked.matchAll(/\n[ \t]*\n/g)].map((m) => m.index + m[0].length)];
  for (const t of tokens) {
    const said = PRONOUNS[t.lower];
    if (!said) continue;
    let p = paragraphs.length - 1;
    while (paragraphs[p]! > t.start) p--;
    const paragraph = paragraphs[p]!;
    const previousParagraph = paragraphs[Math.max(0, p - 1)]!;
    if (insideQuotation(masked.slice(paragraph, t.start))) continue;
    const before = people.filter((p) => p.end <= t.start && p.start >= previousParagraph);
    const nearest = before.at(-1);
    if (!nearest || nearest.start < paragraph || !nearest.pronouns || nearest.pronouns === said) continue;
    if (before.some((p) => p.pronouns === said || p.pronouns === null)) continue;
    const sentence = sentenceStart(masked, t.start, paragraph);
    const previousSentence = sentenceStart(masked, Math.max(paragraph, sentence - 1), paragraph);
    if (nearest.start < previousSentence) continue;
    const wordsBetween = tokens.filter((w) => w.start >= Math.min(previousSentence, nearest.start) && w.start < t.start);
    if (wordsBetween.some((w) => GENDERED_NOUNS[w.lower] === said || (w !== t && PRONOUNS[w.lower] === said))) continue;
    const distinct = new Set(before.filter((p) => p.start >= paragraph).map((p) => p.personId)).size;
    // Right after a speech verb ("said she") the pronoun is often someone the story has not named.
    const reported = /\b(?:said|says|told|tells|asked|asks|added|adds)\s+$/i.test(masked.slice(Math.max(0, t.start - 12), t.start));
    const confidence = Math.min(0.9, 0.5 + (nearest.start >= sentence ? 0.25 : 0.1) + (distinct === 1 ? 0.15 : 0) - (reported ? 0.3 : 0));
    out.push({
      ruleId: 'pronoun', severity: 'info', start: t.start, end: t.end, confidence,
      message: `${quote(t.text)} probably refers to ${nearest.name}, who uses ${nearest.pronounsText} (confidence ${confidence.toFixed(2)})`,
    });
  }
  return out;
};

interface PersonMention { start: number; end: number; personId: number; name: string; pronouns: PronounSet | null; pronounsText: string | null }

/** The person a name means: the person, or the actor of a character. Unknown or ambiguous: none. */
function personOf(m: NameMatch, kb: Parameters<Rule>[0]['kb']): PersonMention[] {
  const ids = new Set(m.entities.map((e) => (e.type === 'person' ? e.id : e.type === 'role' ? e.personId : undefined)).filter((id): id is number => id !== undefined));
  if (ids.size !== 1) return [];
  const person = kb.people.get([...ids][0]!);
  return person ? [{ start: m.start, end: m.end, personId: person.id, name: person.name, pronouns: person.pronouns, pronounsText: person.pronounsText }] : [];
}

function sentenceStart(text: string, at: number, floor: number): number {
  for (let i = at - 1; i > floor; i--) {
    if (/[.!?]/.test(text[i]!) && /\s/.test(text[i + 1] ?? '')) return i + 1;
  }
  return floor;
}

function insideQuotation(before: string): boolean {
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length;
  const close = (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}
