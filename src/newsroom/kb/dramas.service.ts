// Dramas in the knowledge base, edited from the newsroom: every field of the drama page, its other
// titles and its "where to watch" links. A save validates every field first (all errors at once,
// nothing stored), then writes the drama, its aliases and platforms and a log line in one
// transaction; after the commit the name index and the cached pages that show the drama go.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { DomainError } from '../../lib/errors.js';
import { slugify } from '../../lib/slug.js';
import { entityChangedTags, purge } from '../../cache/purge.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { errorCollector, FieldErrors, isIsoDate, isWebUrl, lines, logKbChange, optionalInt } from './kb.shared.js';

export type KbDeps = { db: Kysely<Database>; clock: Clock; user: StaffPrincipal; names: { invalidate(): void } };

/** The drama form as posted: every field a string, lists one entry per line. */
export interface DramaForm {
  title: string;
  nativeTitle: string;
  /** Other titles, one per line. */
  aliases: string;
  /** Network id, or empty for none. */
  networkId: string;
  year: string;
  episodes: string;
  runtimeMinutes: string;
  /** Comma-separated. */
  genres: string;
  synopsis: string;
  sourceTitle: string;
  sourceType: string;
  sourceCreator: string;
  posterUrl: string;
  /** "Service | https://watch-link", one per line. */
  platforms: string;
  firstAirDate: string;
  lastAirDate: string;
}

/** Kinds of source work offered in the form; others may be typed (the demo has a television series). */
export const SOURCE_TYPES = ['webtoon', 'web novel', 'novel', 'manga', 'film', 'television series'] as const;
const MAX_GENRES = 12;

/** Reads and checks a drama form; throws FieldErrors naming every bad field. */
async function parseDramaForm(db: Kysely<Database> | Transaction<Database>, f: DramaForm) {
  const errors = errorCollector();
  const title = f.title.trim();
  if (!title) errors.add('title', 'The title must not be empty.');
  else if (title.length > 200) errors.add('title', 'The title must be at most 200 characters.');
  else if (!slugify(title)) errors.add('title', 'The title needs at least one ASCII letter or digit (its address is made from it).');
  if (f.nativeTitle.trim().length > 200) errors.add('nativeTitle', 'The native title must be at most 200 characters.');
  let networkId: number | null = null;
  if (f.networkId.trim()) {
    networkId = Number(f.networkId);
    const exists = Number.isInteger(networkId) && (await db.selectFrom('networks').select('id').where('id', '=', networkId).executeTakeFirst());
    if (!exists) errors.add('networkId', 'Choose a network from the list.');
  }
  const year = optionalInt(errors, 'year', 'The year', f.year, 1950, 2100);
  const episodes = optionalInt(errors, 'episodes', 'Episodes', f.episodes, 1, 500);
  const runtimeMinutes = optionalInt(errors, 'runtimeMinutes', 'The runtime', f.runtimeMinutes, 1, 600);
  const genres = [...new Set(f.genres.split(',').map((g) => g.trim()).filter(Boolean))];
  if (genres.length > MAX_GENRES) errors.add('genres', `At most ${MAX_GENRES} genres.`);
  if (genres.some((g) => g.length > 40)) errors.add('genres', 'Each genre must be at most 40 characters.');
  if (f.synopsis.length > 10_000) errors.add('synopsis', 'The synopsis must be at most 10,000 characters.');
  const sourceTitle = f.sourceTitle.trim();
  const sourceType = f.sourceType.trim();
  if (sourceType.length > 50) errors.add('sourceType', 'The kind of source must be at most 50 characters, e.g. webtoon.');
  if ((sourceType || f.sourceCreator.trim()) && !sourceTitle) errors.add('sourceTitle', 'Name the work it is based on, or leave the source fields empty.');
  if (sourceTitle.length > 200 || f.sourceCreator.trim().length > 200) errors.add('sourceTitle', 'The source title and creator must be at most 200 characters each.');
  const posterUrl = f.posterUrl.trim();
  if (posterUrl && !(isWebUrl(posterUrl) || /^\/[^/]/.test(posterUrl))) errors.add('posterUrl', 'The poster must be an http(s) URL or a path on this site.');
  const platforms: { platform: string; url: string }[] = [];
  lines(f.platforms).forEach((line, i) => {
    const [name = '', url = ''] = line.split('|').map((p) => p.trim());
    if (!name || !isWebUrl(url)) errors.add('platforms', `Line ${i + 1}: write "Service | https://link", e.g. "Netflix | https://www.netflix.com/title/1".`);
    else if (platforms.some((p) => p.platform.toLowerCase() === name.toLowerCase())) errors.add('platforms', `Line ${i + 1}: ${name} is listed twice.`);
    else platforms.push({ platform: name, url });
  });
  const firstAirDate = f.firstAirDate.trim() || null;
  const lastAirDate = f.lastAirDate.trim() || null;
  if (firstAirDate && !isIsoDate(firstAirDate)) errors.add('firstAirDate', 'The first air date must be a date (YYYY-MM-DD).');
  if (lastAirDate && !isIsoDate(lastAirDate)) errors.add('lastAirDate', 'The last air date must be a date (YYYY-MM-DD).');
  if (firstAirDate && lastAirDate && isIsoDate(firstAirDate) && isIsoDate(lastAirDate) && lastAirDate < firstAirDate) errors.add('lastAirDate', 'The last air date comes before the first.');
  const aliases = [...new Set(lines(f.aliases))].filter((a) => a !== title);
  if (aliases.some((a) => a.length > 200)) errors.add('aliases', 'Each other title must be at most 200 characters.');
  errors.done();
  return {
    values: {
      title,
      native_title: f.nativeTitle.trim() || null,
      network_id: networkId,
      year,
      episodes,
      runtime_minutes: runtimeMinutes,
      genres: genres.join(', '),
      synopsis: f.synopsis.replace(/\r\n/g, '\n').trim(),
      source_title: sourceTitle || null,
      source_type: sourceType || null,
      source_creator: f.sourceCreator.trim() || null,
      poster_url: posterUrl || null,
      first_air_date: firstAirDate,
      last_air_date: lastAirDate,
    },
    aliases,
    platforms,
  };
}

/** A drama as the log keeps it: its row, other titles and platforms. */
async function dramaRecord(db: Kysely<Database> | Transaction<Database>, id: number) {
  const row = await db.selectFrom('dramas').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [aliases, platforms] = await Promise.all([
    db.selectFrom('drama_aliases').select('alias').where('drama_id', '=', id).orderBy('alias').execute(),
    db.selectFrom('drama_platforms').select(['platform', 'url']).where('drama_id', '=', id).orderBy('platform').execute(),
  ]);
  return { ...row, aliases: aliases.map((a) => a.alias), platforms };
}
export type DramaRecord = NonNullable<Awaited<ReturnType<typeof dramaRecord>>>;
export const loadDramaRecord = (db: Kysely<Database>, id: number) => dramaRecord(db, id);

/** The form's fields filled from a stored drama, for the edit page. */
export function dramaFormOf(d: DramaRecord): DramaForm {
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    title: d.title, nativeTitle: s(d.native_title), aliases: d.aliases.join('\n'), networkId: s(d.network_id), year: s(d.year), episodes: s(d.episodes),
    runtimeMinutes: s(d.runtime_minutes), genres: d.genres, synopsis: d.synopsis, sourceTitle: s(d.source_title), sourceType: s(d.source_type),
    sourceCreator: s(d.source_creator), posterUrl: s(d.poster_url), platforms: d.platforms.map((p) => `${p.platform} | ${p.url}`).join('\n'),
    firstAirDate: s(d.first_air_date), lastAirDate: s(d.last_air_date),
  };
}

/**
 * Creates a drama (no `id`) or updates one. The slug comes from the title when the drama is made
 * and stays after: links to /dramas/:slug must keep working when a title is corrected.
 */
export async function saveDrama(input: { id?: number | undefined; form: DramaForm }, deps: KbDeps): Promise<{ id: number; slug: string }> {
  const now = deps.clock().toISOString();
  const saved = await deps.db.transaction().execute(async (trx) => {
    const before = input.id === undefined ? undefined : await dramaRecord(trx, input.id);
    if (input.id !== undefined && !before) throw new DomainError('No drama has that id.', 404);
    const parsed = await parseDramaForm(trx, input.form);
    let id: number;
    let slug: string;
    if (before) {
      ({ id, slug } = before);
      await trx.updateTable('dramas').set({ ...parsed.values, updated_at: now }).where('id', '=', id).execute();
    } else {
      slug = slugify(parsed.values.title);
      const taken = await trx.selectFrom('dramas').select('id').where('slug', '=', slug).executeTakeFirst();
      if (taken) throw new FieldErrors({ title: `Another drama already has the address /dramas/${slug}; add the year to tell them apart.` }, 409);
      id = (await trx.insertInto('dramas').values({ ...parsed.values, slug, country: 'KR', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await trx.deleteFrom('drama_aliases').where('drama_id', '=', id).execute();
    if (parsed.aliases.length) await trx.insertInto('drama_aliases').values(parsed.aliases.map((alias) => ({ drama_id: id, alias }))).execute();
    await trx.deleteFrom('drama_platforms').where('drama_id', '=', id).execute();
    if (parsed.platforms.length) await trx.insertInto('drama_platforms').values(parsed.platforms.map((p) => ({ drama_id: id, ...p }))).execute();
    await logKbChange(trx, { user: deps.user, action: before ? 'drama.update' : 'drama.create', targetType: 'drama', targetId: id, before, after: await dramaRecord(trx, id), now });
    return { id, slug };
  });
  afterDramaChange(saved.id, deps);
  return saved;
}

/** After a committed change to a drama's facts: names are re-read, and its pages rendered afresh. */
export function afterDramaChange(dramaId: number, deps: Pick<KbDeps, 'names'>): void {
  deps.names.invalidate();
  purge(entityChangedTags('drama', dramaId));
}
