import type { KbEntity } from '../kb.js';
import type { NameMatch } from '../scan.js';

/** Two names in a row and the text between them ("Han So Hee" " like " "Yoo Na Bi"). */
export interface NamePair {
  first: NameMatch;
  second: NameMatch;
  /** The prose between them (masked source). */
  between: string;
  /** The prose right after the second name, a few characters. */
  after: string;
}

export function namePairs(names: NameMatch[], masked: string): NamePair[] {
  const out: NamePair[] = [];
  for (let k = 0; k + 1 < names.length; k++) {
    const first = names[k]!;
    const second = names[k + 1]!;
    // Pairs are local: a few words apart at most, within one paragraph.
    if (second.start - first.end > 40) continue;
    const between = masked.slice(first.end, second.start);
    if (/\n[ \t]*\n/.test(between)) continue;
    out.push({ first, second, between, after: masked.slice(second.end, second.end + 3) });
  }
  return out;
}

export const peopleIn = (m: NameMatch): KbEntity[] => m.entities.filter((e) => e.type === 'person');
export const rolesIn = (m: NameMatch): KbEntity[] => m.entities.filter((e) => e.type === 'role');
