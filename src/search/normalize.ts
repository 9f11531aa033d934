// Text normal forms shared by the lexicon, the full-text query and the snippets.

/** Lowercase, without accents (Hangul kept whole: NFD would split syllables, NFC rejoins them). */
export function foldCase(s: string): string {
  return s.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
}

/** The words of a query or name: runs of letters and digits ("So-hee" → so, hee). */
export function tokenize(s: string): string[] {
  return foldCase(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A name with case, spaces and hyphens removed: "Han So-hee", "han sohee" → "hansohee". */
export function compact(s: string): string {
  return tokenize(s).join('');
}

const HANGUL = /\p{Script=Hangul}/u;
export const hasHangul = (s: string): boolean => HANGUL.test(s);

// Case particles that may follow a Hangul name in a query (송강은, 한소희가), longest first.
const HANGUL_PARTICLES = ['에게서', '에게', '한테', '께서', '에서', '으로', '은', '는', '이', '가', '을', '를', '의', '와', '과', '도', '만', '에', '로'];

/** A Hangul word without one trailing particle, or undefined when it has none. */
export function withoutParticle(word: string): string | undefined {
  if (!hasHangul(word)) return undefined;
  for (const p of HANGUL_PARTICLES) if (word.length > p.length + 1 && word.endsWith(p)) return word.slice(0, -p.length);
  return undefined;
}
