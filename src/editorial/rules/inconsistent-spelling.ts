import { normalizeWritten } from '../scan.js';
import { quote, type RawFinding, type Rule } from '../rule.js';

/**
 * One person or character spelled two ways in one story ("Han So Hee" and "Han So-hee"). Both are
 * known spellings, so it is info: the story should pick one. The spelling used most (the first
 * on a tie) is the one to keep.
 */
export const inconsistentSpelling: Rule = ({ names }) => {
  const byEntity = new Map<string, { spelling: string; start: number; end: number }[]>();
  for (const m of names) {
    if (m.kind !== 'exact' || m.entities.length !== 1) continue;
    const e = m.entities[0]!;
    if (e.type === 'drama') continue;
    const key = `${e.type}:${e.id}`;
    byEntity.set(key, [...(byEntity.get(key) ?? []), { spelling: normalizeWritten(m.written), start: m.start, end: m.end }]);
  }
  const out: RawFinding[] = [];
  for (const uses of byEntity.values()) {
    const counts = new Map<string, number>();
    for (const u of uses) counts.set(u.spelling, (counts.get(u.spelling) ?? 0) + 1);
    if (counts.size < 2) continue;
    const keep = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    for (const u of uses) {
      if (u.spelling === keep) continue;
      out.push({ ruleId: 'inconsistent-spelling', severity: 'info', start: u.start, end: u.end, message: `this story also spells ${quote(u.spelling)} as ${quote(keep)}: pick one`, suggestion: keep });
    }
  }
  return out;
};
