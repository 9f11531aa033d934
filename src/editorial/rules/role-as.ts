import { quote, type RawFinding, type Rule } from '../rule.js';
import { namePairs, peopleIn, rolesIn } from './pairs.js';

// "Han So Hee like Yoo Na Bi": a translation slip for "as". A comma before "like" makes it a
// comparison ("Han So Hee, like Yoo Na Bi, ...") and is left alone.
const LIKE = /^([ \t]+)(like)[ \t]+$/i;

/** An actor "like" a character they played (in this drama or another) → "as". */
export const roleAs: Rule = ({ names, masked, kb }) => {
  const out: RawFinding[] = [];
  for (const { first, second, between } of namePairs(names, masked)) {
    const like = LIKE.exec(between);
    if (!like) continue;
    const people = peopleIn(first);
    const role = rolesIn(second).find((r) => people.some((p) => p.id === r.personId));
    if (!role) continue;
    const start = first.end + like[1]!.length;
    const actor = kb.people.get(role.personId!)?.name ?? first.written;
    out.push({
      ruleId: 'role-as', severity: 'error', start, end: start + like[2]!.length,
      message: `${actor} plays ${role.name} in ${role.dramaTitle}: write ${quote(`${actor} as ${role.name}`)}, not “like”`,
      suggestion: like[2] === 'LIKE' ? 'AS' : like[2]![0] === 'L' ? 'As' : 'as', entity: role,
    });
  }
  return out;
};
