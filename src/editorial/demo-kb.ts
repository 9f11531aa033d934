// The demo knowledge base (src/demo/demo.data.ts) as lint sources without a database, with ids
// given in list order, for the rule tests, the evaluation and the benchmark. The CLI and the API
// read the real database instead (lint.repository.ts).
import { demoDramas, demoPeople } from '../demo/demo.data.js';
import { buildLintKb, type LintKb } from './kb.js';
import type { LintSources } from './lint.repository.js';

export function demoLintSources(extraPeople: { display: string; pronouns?: string | null; aliases?: string[] }[] = []): LintSources {
  const s: LintSources = { people: [], personAliases: [], dramas: [], dramaAliases: [], roles: [], roleAliases: [], pronouns: [] };
  const personId = new Map<string, number>();
  const addPerson = (slug: string, display: string, hangul: string | null, pronouns: string | null, aliases: string[]) => {
    const id = s.people.length + 1;
    personId.set(slug, id);
    s.people.push({ id, slug, display_name: display, hangul_name: hangul });
    s.pronouns.push({ id, pronouns });
    for (const alias of aliases) s.personAliases.push({ person_id: id, alias });
  };
  for (const p of demoPeople) addPerson(p.slug, p.displayName, p.hangulName, p.pronouns, p.aliases);
  for (const p of extraPeople) addPerson(p.display.toLowerCase().replace(/\W+/g, '-'), p.display, null, p.pronouns ?? null, p.aliases ?? []);
  for (const d of demoDramas) {
    const id = s.dramas.length + 1;
    s.dramas.push({ id, slug: d.slug, title: d.title, native_title: d.nativeTitle });
    for (const alias of d.aliases) s.dramaAliases.push({ drama_id: id, alias });
    for (const r of d.cast) {
      const roleId = s.roles.length + 1;
      s.roles.push({ id: roleId, person_id: personId.get(r.person)!, drama_id: id, character_name: r.character });
      for (const alias of r.aliases ?? []) s.roleAliases.push({ role_id: roleId, alias });
    }
  }
  return s;
}

let demoKb: LintKb | undefined;
/** Built once per process. */
export function demoLintKb(): LintKb {
  return (demoKb ??= buildLintKb(demoLintSources()));
}
