// Ranking of the "Also see" box: which other works of the people in a story to suggest, in what
// order. Pure, so every rule is tested without a database.
import type { RoleBilling } from './catalog.table.js';
import type { AlsoSeeAction } from './also-see.table.js';

/**
 * Entries in the box. Six, not four: a story usually names two or three people, and with four a
 * lead with several main roles crowds out the rest (Song Kang's supporting turn in *When the Devil
 * Calls Your Name* would never show next to Han So Hee's works).
 */
export const ALSO_SEE_LIMIT = 6;
/** Computed entries per person (pins count too), so one prolific actor cannot fill the box. */
export const MAX_PER_PERSON = 3;

/** One role of a person of the story in another drama: a possible entry. */
export interface AlsoSeeCandidate {
  personId: number;
  personSlug: string;
  personName: string;
  dramaId: number;
  dramaSlug: string;
  dramaTitle: string;
  nativeTitle: string | null;
  year: number | null;
  networkName: string | null;
  posterUrl: string | null;
  character: string;
  billing: RoleBilling;
  /** 1 for the top-billed. */
  billingOrder: number;
}

export interface AlsoSeeOverride {
  personId: number;
  dramaId: number;
  action: AlsoSeeAction;
  /** Place among the pins, 1 first. */
  position: number;
}

/** One line of the box: a drama, and the people of the story who are in it. */
export interface AlsoSeeEntry {
  drama: Pick<AlsoSeeCandidate, 'dramaId' | 'dramaSlug' | 'dramaTitle' | 'nativeTitle' | 'year' | 'networkName' | 'posterUrl'>;
  people: { id: number; slug: string; name: string; character: string; billing: RoleBilling }[];
  /** An editor put it there. */
  pinned: boolean;
}

export interface RankInput {
  candidates: AlsoSeeCandidate[];
  /** People the story names, directly or through a role. */
  namedPersonIds: ReadonlySet<number>;
  /** Dramas of the story itself: never suggested. */
  storyDramaIds: ReadonlySet<number>;
  overrides: AlsoSeeOverride[];
}

const BILLING_RANK: Record<RoleBilling, number> = { main: 0, supporting: 1, cameo: 2 };
const pairKey = (personId: number, dramaId: number) => `${personId}:${dramaId}`;

/** Main roles before supporting and cameo, then the most recent, then higher billing. */
function compareRelevance(a: AlsoSeeCandidate, b: AlsoSeeCandidate): number {
  return (
    BILLING_RANK[a.billing] - BILLING_RANK[b.billing] ||
    (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
    a.billingOrder - b.billingOrder ||
    a.dramaTitle.localeCompare(b.dramaTitle) ||
    a.personName.localeCompare(b.personName)
  );
}

/**
 * Builds the box: pins first in their order, then the computed entries. Computed entries take
 * turns between people (everyone's best work before anyone's second), each turn ordered by
 * relevance. A drama two people of the story share is one entry naming both.
 */
export function rankAlsoSee(input: RankInput, limits = { total: ALSO_SEE_LIMIT, perPerson: MAX_PER_PERSON }): AlsoSeeEntry[] {
  // A person may have two roles in one drama (a cameo as a second character): keep the best.
  const best = new Map<string, AlsoSeeCandidate>();
  for (const c of input.candidates) {
    if (input.storyDramaIds.has(c.dramaId)) continue;
    const key = pairKey(c.personId, c.dramaId);
    const seen = best.get(key);
    if (!seen || compareRelevance(c, seen) < 0) best.set(key, c);
  }

  const hidden = new Set(input.overrides.filter((o) => o.action === 'hide').map((o) => pairKey(o.personId, o.dramaId)));
  const pins = input.overrides.filter((o) => o.action === 'pin').sort((a, b) => a.position - b.position);
  const pinned: AlsoSeeCandidate[] = [];
  for (const pin of pins) {
    const c = best.get(pairKey(pin.personId, pin.dramaId));
    if (c) pinned.push(c);
  }
  const pinnedKeys = new Set(pinned.map((c) => pairKey(c.personId, c.dramaId)));

  const byPerson = new Map<number, AlsoSeeCandidate[]>();
  for (const c of best.values()) {
    const key = pairKey(c.personId, c.dramaId);
    if (!input.namedPersonIds.has(c.personId) || hidden.has(key) || pinnedKeys.has(key)) continue;
    byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  }
  const turns: { turn: number; c: AlsoSeeCandidate }[] = [];
  for (const [personId, list] of byPerson) {
    const alreadyPinned = pinned.filter((c) => c.personId === personId).length;
    list.sort(compareRelevance);
    list.slice(0, Math.max(0, limits.perPerson - alreadyPinned)).forEach((c, i) => turns.push({ turn: alreadyPinned + i, c }));
  }
  turns.sort((a, b) => a.turn - b.turn || compareRelevance(a.c, b.c));

  const entries = new Map<number, AlsoSeeEntry>();
  const place = (c: AlsoSeeCandidate, isPin: boolean) => {
    const person = { id: c.personId, slug: c.personSlug, name: c.personName, character: c.character, billing: c.billing };
    const entry = entries.get(c.dramaId);
    if (entry) {
      if (!entry.people.some((p) => p.id === c.personId)) entry.people.push(person);
      entry.pinned ||= isPin;
      return;
    }
    if (entries.size >= limits.total && !isPin) return;
    const { dramaId, dramaSlug, dramaTitle, nativeTitle, year, networkName, posterUrl } = c;
    entries.set(dramaId, { drama: { dramaId, dramaSlug, dramaTitle, nativeTitle, year, networkName, posterUrl }, people: [person], pinned: isPin });
  };
  for (const c of pinned) place(c, true);
  for (const { c } of turns) place(c, false);
  return [...entries.values()];
}
