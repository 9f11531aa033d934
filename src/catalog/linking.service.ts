import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { markdownToLinkText } from '../articles/markdown.js';
import { loadNameSources } from './catalog.repository.js';
import { listMentionReports, replaceMentionReports, type MentionReport } from './mention-reports.repository.js';
import { NameIndex, type EntityRef, type Mention } from './names.js';

/** What linking an article found: the entities now linked, and names an editor must settle. */
export interface LinkResult {
  linked: EntityRef[];
  /**
   * Mentions whose name fits two or more people (or dramas) and that no editor has settled;
   * nothing was linked for them. Offsets are into the text each was found in.
   */
  ambiguous: Mention[];
  /** Ambiguous names an editor settled before, linked to the entity chosen (`ref`, `type:id`). */
  settled: { surface: string; ref: string; candidates: EntityRef[] }[];
}

/** The parts of a story the linker reads. */
export interface LinkableStory {
  headline: string;
  dek: string;
  /** Markdown. */
  body: string;
}

export async function buildNameIndex(db: Kysely<Database>): Promise<NameIndex> {
  return new NameIndex(await loadNameSources(db));
}

export const refKey = (e: Pick<EntityRef, 'type' | 'id'>): string => `${e.type}:${e.id}`;
/** A name as written, whitespace collapsed: "Park Ji\nHoon" and "Park Ji Hoon" are one report. */
export const surfaceOf = (written: string): string => written.replace(/\s+/g, ' ').trim();

/** Two candidates of one kind (two people called Park Ji Hoon): the linker must not guess. */
export function isAmbiguous(m: Mention): boolean {
  const counts = new Map<string, number>();
  for (const c of m.candidates) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return [...counts.values()].some((n) => n > 1);
}

/**
 * Splits mentions into linked entities and ambiguous ones. A name both a role and a person is
 * fine (different kinds); two people is not, unless an editor settled that name (`settled`:
 * surface → `type:id`) and the choice still fits it.
 */
export function resolveMentions(mentions: Mention[], settled: ReadonlyMap<string, string> = new Map()): LinkResult {
  const linked = new Map<string, EntityRef>();
  const ambiguous: Mention[] = [];
  const applied = new Map<string, LinkResult['settled'][number]>();
  for (const m of mentions) {
    if (!isAmbiguous(m)) {
      for (const c of m.candidates) linked.set(refKey(c), c);
      continue;
    }
    const surface = surfaceOf(m.text);
    const choice = m.candidates.find((c) => refKey(c) === settled.get(surface));
    if (choice) {
      linked.set(refKey(choice), choice);
      applied.set(surface, { surface, ref: refKey(choice), candidates: m.candidates });
    } else ambiguous.push(m);
  }
  return { linked: [...linked.values()], ambiguous, settled: [...applied.values()] };
}

/**
 * Every mention in a story. The Markdown source is read as written (so `*Nevertheless*` counts as
 * a marked title) and as plain text (so `**Song** Kang` is still Song Kang); a name the plain
 * text adds is kept only when the source did not already show it.
 */
export function findStoryMentions(index: NameIndex, story: LinkableStory): Mention[] {
  const source = index.find([story.headline, story.dek, story.body].join('\n\n'));
  const seen = new Set(source.map((m) => surfaceOf(m.text)));
  const plain = index.find(markdownToLinkText(story.body)).filter((m) => !seen.has(surfaceOf(m.text)));
  return [...source, ...plain];
}

/**
 * Replaces the article's entity links with the names found in its text, and its open reports with
 * the ambiguous names found now. Called in the same transaction as the article save, so a story,
 * its links and its reports never disagree. Choices editors made for ambiguous names are kept.
 */
export async function linkArticleEntities(
  trx: Transaction<Database> | Kysely<Database>,
  input: { articleId: number; story: LinkableStory; index: NameIndex; now: string },
): Promise<LinkResult> {
  const { articleId } = input;
  const previous = new Map((await listMentionReports(trx, articleId)).map((r) => [r.surface, r]));
  const choices = new Map([...previous.values()].filter((r) => r.settledRef).map((r) => [r.surface, r.settledRef!]));
  const result = resolveMentions(findStoryMentions(input.index, input.story), choices);

  await trx.deleteFrom('article_people').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_dramas').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_roles').where('article_id', '=', articleId).execute();
  const people = result.linked.filter((e) => e.type === 'person').map((e) => ({ article_id: articleId, person_id: e.id }));
  const dramas = result.linked.filter((e) => e.type === 'drama').map((e) => ({ article_id: articleId, drama_id: e.id }));
  const roles = result.linked.filter((e) => e.type === 'role').map((e) => ({ article_id: articleId, role_id: e.id }));
  if (people.length) await trx.insertInto('article_people').values(people).execute();
  if (dramas.length) await trx.insertInto('article_dramas').values(dramas).execute();
  if (roles.length) await trx.insertInto('article_roles').values(roles).execute();

  await replaceMentionReports(trx, articleId, reportsFor(result, previous, input.now));
  return result;
}

/** One report per ambiguous name, open or settled; a name seen before keeps its first date. */
function reportsFor(result: LinkResult, previous: Map<string, MentionReport>, now: string): MentionReport[] {
  const out = new Map<string, MentionReport>();
  const refs = (list: EntityRef[]) => list.map((c) => ({ type: c.type, id: c.id }));
  for (const m of result.ambiguous) {
    const surface = surfaceOf(m.text);
    if (out.has(surface)) continue;
    out.set(surface, { surface, candidates: refs(m.candidates), settledRef: null, createdAt: previous.get(surface)?.createdAt ?? now, settledAt: null });
  }
  for (const s of result.settled) {
    const before = previous.get(s.surface);
    out.set(s.surface, { surface: s.surface, candidates: refs(s.candidates), settledRef: s.ref, createdAt: before?.createdAt ?? now, settledAt: before?.settledAt ?? now });
  }
  return [...out.values()];
}
