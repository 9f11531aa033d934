import type { KbEntity, LintKb } from '../kb.js';
import type { NameMatch } from '../scan.js';
import { quote, type RawFinding, type Rule } from '../rule.js';
import { namePairs, peopleIn, rolesIn } from './pairs.js';

// Actor first: "Song Kang as Park Jae Eon", "Song Kang, who plays ...", "Song Kang's Park Jae Eon",
// "Song Kang (Park Jae Eon)".
const ACTOR_THEN_ROLE = /^(?:,?[ \t]+(?:as|playing|plays|played|portraying|portrays|portrayed|stars as|starring as|who plays|who played|who portrays)[ \t]+|['’]s[ \t]+|[ \t]*\([ \t]*)$/i;
// Character first: "Yoo Na Bi, played by Han So Hee", "Yoo Na Bi (Han So Hee)".
const ROLE_THEN_ACTOR = /^(?:,?[ \t]+(?:played by|portrayed by)[ \t]+|[ \t]*\([ \t]*(?:played by[ \t]+)?)$/i;

/** An actor paired with a character they did not play, either way round. */
export const roleAttribution: Rule = ({ names, masked, kb }) => {
  const out: RawFinding[] = [];
  for (const { first, second, between, after } of namePairs(names, masked)) {
    const paren = between.includes('(');
    if (paren && !/^[ \t]*\)/.test(after)) continue;
    // "Name (Name)" goes either way round: the person is the actor.
    if (paren && ROLE_THEN_ACTOR.test(between) && peopleIn(first).length === 0) check(second, first, first);
    else if (ACTOR_THEN_ROLE.test(between)) check(first, second, second);
    else if (ROLE_THEN_ACTOR.test(between)) check(second, first, first);
  }
  return out;

  function check(actorMatch: NameMatch, roleMatch: NameMatch, at: NameMatch): void {
    const people = peopleIn(actorMatch);
    const roles = rolesIn(roleMatch);
    // Ambiguous or not a person/character pair at all: nothing to say.
    if (people.length !== 1 || roles.length === 0 || peopleIn(roleMatch).length > 0) return;
    const person = people[0]!;
    if (roles.some((r) => r.personId === person.id)) return;
    out.push({ ruleId: 'role-attribution', severity: 'error', start: at.start, end: at.end, message: explain(person, roles, kb), entity: roles[0]! });
  }
};

function explain(person: KbEntity, roles: KbEntity[], kb: LintKb): string {
  const role = roles[0]!;
  const actual = kb.people.get(role.personId!)?.name ?? 'someone else';
  const own = kb.people.get(person.id)?.roles.find((r) => r.dramaId === role.dramaId);
  const theirs = own ? `; ${person.name} plays ${own.name} there` : `; ${person.name} is not in its cast`;
  return `${person.name} did not play ${quote(role.name)}: in ${role.dramaTitle} that is ${actual}${theirs}`;
}
