// The reactions readers can choose from. The set is configuration, not schema: votes store the
// key, so adding a reaction needs no migration, and a retired key simply stops being shown
// (its stored votes stay, uncounted on the page, until staff reset the article).

/** One reaction readers can choose. */
export interface ReactionDef {
  /** Stable key stored with each vote and used in URLs and the API, e.g. `love`. */
  key: string;
  /** Shown beside the label; hidden from screen readers, which read the label. */
  emoji: string;
  /** Word shown and announced, e.g. `Love`. */
  label: string;
}

export const DEFAULT_REACTIONS: readonly ReactionDef[] = [
  { key: 'love', emoji: '❤️', label: 'Love' },
  { key: 'haha', emoji: '😂', label: 'Haha' },
  { key: 'wow', emoji: '😮', label: 'Wow' },
  { key: 'sad', emoji: '😢', label: 'Sad' },
  { key: 'angry', emoji: '😡', label: 'Angry' },
  { key: 'scared', emoji: '😱', label: 'Scared' },
];

const KEY = /^[a-z][a-z0-9-]{0,19}$/;
/** A widget row wraps on phones past this; more choices also dilute every count. */
export const MAX_REACTIONS = 12;

/**
 * Parses the REACTIONS setting: comma-separated `key:emoji:Label` entries, e.g.
 * `love:❤️:Love,haha:😂:Haha`. Throws an Error whose message names the bad entry.
 */
export function parseReactionSet(text: string): ReactionDef[] {
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length < 2 || entries.length > MAX_REACTIONS) throw new Error(`must list between 2 and ${MAX_REACTIONS} reactions as key:emoji:Label, comma-separated`);
  const seen = new Set<string>();
  return entries.map((entry) => {
    const [key = '', emoji = '', label = '', ...rest] = entry.split(':').map((p) => p.trim());
    if (rest.length || !KEY.test(key) || !emoji || emoji.length > 16 || !label || label.length > 30) {
      throw new Error(`has a bad entry "${entry}" (want key:emoji:Label, key in lowercase a-z0-9-)`);
    }
    if (seen.has(key)) throw new Error(`lists "${key}" twice`);
    seen.add(key);
    return { key, emoji, label };
  });
}

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder), so a widget never
 * shows 33% + 33% + 33%. All zero when nobody has voted.
 */
export function sharesOf(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const shares = exact.map(Math.floor);
  let missing = 100 - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing-- <= 0) break;
    shares[i]!++;
  }
  return shares;
}
