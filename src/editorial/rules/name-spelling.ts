import type { KbEntity, LintKb } from '../kb.js';
import { normalizeWritten, type NameMatch } from '../scan.js';
import { preferredSpelling, quote, type RawFinding, type Rule } from '../rule.js';

/**
 * A near miss of a known name: one word a romanization variant (Yan/Yang, Jeong/Jung, Yi/Lee) or,
 * in names of three words or more, one letter off. Stored aliases match exactly and never get
 * here. It is an error when the story is about that entity's world (it names the entity, its
 * actor or character, or a co-star), else a warning: it may be someone the knowledge base lacks.
 */
export const nameSpelling: Rule = ({ names, kb }) => {
  const out: RawFinding[] = [];
  const context = relatedIds(names.filter((m) => m.kind !== 'spelling'), kb);
  for (const m of names) {
    if (m.kind !== 'spelling') continue;
    const name = preferredSpelling(m.names, normalizeWritten(m.written));
    const inContext = context.has(`${name.entity.type}:${name.entity.id}`);
    out.push({
      ruleId: 'name-spelling', severity: inContext ? 'error' : 'warning', start: m.start, end: m.end,
      message: `${quote(m.written)} looks like a misspelling of ${quote(name.surface)}${inContext ? '' : ' (not otherwise named in this story: check it is not someone else)'}`,
      suggestion: name.surface, entity: name.entity,
    });
  }
  return out;
};

/** Every entity the story names, with their actors, characters and the casts of their dramas. */
function relatedIds(matches: NameMatch[], kb: LintKb): Set<string> {
  const ids = new Set<string>();
  const dramas = new Set<number>();
  const addRole = (r: KbEntity) => {
    ids.add(`role:${r.id}`);
    if (r.personId !== undefined) ids.add(`person:${r.personId}`);
    if (r.dramaId !== undefined) dramas.add(r.dramaId);
  };
  for (const m of matches) {
    for (const e of m.entities) {
      ids.add(`${e.type}:${e.id}`);
      if (e.type === 'drama') dramas.add(e.id);
      if (e.type === 'role') addRole(e);
      if (e.type === 'person') for (const r of kb.people.get(e.id)?.roles ?? []) addRole(r);
    }
  }
  for (const r of kb.roles.values()) if (r.dramaId !== undefined && dramas.has(r.dramaId)) addRole(r);
  return ids;
}
