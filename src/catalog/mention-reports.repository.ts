import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { EntityRef } from './names.js';

type Q = Kysely<Database> | Transaction<Database>;

/** A stored report, candidates parsed. */
export interface MentionReport {
  surface: string;
  candidates: Pick<EntityRef, 'type' | 'id'>[];
  /** `type:id` chosen by an editor; null while open. */
  settledRef: string | null;
  createdAt: string;
  settledAt: string | null;
}

function parseCandidates(json: string): MentionReport['candidates'] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? (value as MentionReport['candidates']) : [];
}

/** Every report of an article, open and settled, by name. */
export async function listMentionReports(db: Q, articleId: number): Promise<MentionReport[]> {
  const rows = await db
    .selectFrom('mention_reports')
    .select(['surface', 'candidates', 'settled_ref', 'created_at', 'settled_at'])
    .where('article_id', '=', articleId)
    .orderBy('surface')
    .execute();
  return rows.map((r) => ({
    surface: r.surface,
    candidates: parseCandidates(r.candidates),
    settledRef: r.settled_ref,
    createdAt: r.created_at,
    settledAt: r.settled_at,
  }));
}

/** Writes the article's reports anew; the caller holds the transaction of the article save. */
export async function replaceMentionReports(trx: Q, articleId: number, reports: MentionReport[]): Promise<void> {
  await trx.deleteFrom('mention_reports').where('article_id', '=', articleId).execute();
  if (reports.length === 0) return;
  await trx
    .insertInto('mention_reports')
    .values(
      reports.map((r) => ({
        article_id: articleId,
        surface: r.surface,
        candidates: JSON.stringify(r.candidates),
        settled_ref: r.settledRef,
        created_at: r.createdAt,
        settled_at: r.settledAt,
      })),
    )
    .execute();
}

/** Records an editor's choice for one name. */
export async function settleMentionReport(trx: Q, input: { articleId: number; surface: string; ref: string; now: string }): Promise<void> {
  await trx
    .updateTable('mention_reports')
    .set({ settled_ref: input.ref, settled_at: input.now })
    .where('article_id', '=', input.articleId)
    .where('surface', '=', input.surface)
    .execute();
}

/** Names, pages and a telling detail of entities, so an editor can tell two namesakes apart. */
export async function describeEntities(db: Q, refs: Pick<EntityRef, 'type' | 'id'>[]) {
  const ids = (type: EntityRef['type']) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const [people, dramas, roles] = await Promise.all([
    ids('person').length ? db.selectFrom('people').select(['id', 'slug', 'display_name', 'hangul_name', 'birth_date', 'bio']).where('id', 'in', ids('person')).execute() : [],
    ids('drama').length ? db.selectFrom('dramas').select(['id', 'slug', 'title', 'year']).where('id', 'in', ids('drama')).execute() : [],
    ids('role').length
      ? db
          .selectFrom('roles')
          .innerJoin('people', 'people.id', 'roles.person_id')
          .innerJoin('dramas', 'dramas.id', 'roles.drama_id')
          .select(['roles.id', 'roles.character_name', 'people.display_name', 'dramas.slug', 'dramas.title'])
          .where('roles.id', 'in', ids('role'))
          .execute()
      : [],
  ]);
  const out = new Map<string, { name: string; path: string; note: string }>();
  for (const p of people) {
    const note = [p.hangul_name, p.birth_date && `born ${p.birth_date}`, p.bio.slice(0, 120)].filter(Boolean).join(' · ');
    out.set(`person:${p.id}`, { name: p.display_name, path: `/people/${p.slug}`, note });
  }
  for (const d of dramas) out.set(`drama:${d.id}`, { name: d.title, path: `/dramas/${d.slug}`, note: d.year ? String(d.year) : '' });
  for (const r of roles) out.set(`role:${r.id}`, { name: r.character_name, path: `/dramas/${r.slug}#role-${r.id}`, note: `played by ${r.display_name} in ${r.title}` });
  return out;
}
