// Queries for air schedules: dramas with their network's zone, their weekly slots and breaks.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ScheduleBreak, ScheduleSpecial, Slot } from './schedule.js';

type Q = Kysely<Database>;

/** Everything about a drama that its schedule and calendar need. */
export async function findScheduledDramas(db: Q, where: { ids: number[] } | { slug: string }) {
  let q = db
    .selectFrom('dramas')
    .leftJoin('networks', 'networks.id', 'dramas.network_id')
    .select([
      'dramas.id', 'dramas.slug', 'dramas.title', 'dramas.episodes', 'dramas.runtime_minutes', 'dramas.first_air_date',
      'dramas.last_air_date', 'dramas.updated_at', 'networks.name as network_name', 'networks.time_zone as network_time_zone',
    ]);
  if ('slug' in where) q = q.where('dramas.slug', '=', where.slug);
  else if (where.ids.length === 0) return [];
  else q = q.where('dramas.id', 'in', where.ids);
  return q.orderBy('dramas.id').execute();
}
export type ScheduledDramaRow = Awaited<ReturnType<typeof findScheduledDramas>>[number];

/**
 * Ids of dramas with weekly slots whose run overlaps [fromDate, toDate] (network dates). Callers
 * widen the range by a day each side: a reader's day can fall on either neighbouring network day.
 */
export async function listDramaIdsAiringBetween(db: Q, fromDate: string, toDate: string): Promise<number[]> {
  const rows = await db
    .selectFrom('dramas')
    .select('dramas.id')
    .where('dramas.first_air_date', 'is not', null)
    .where('dramas.first_air_date', '<=', toDate)
    .where((eb) => eb.or([eb('dramas.last_air_date', 'is', null), eb('dramas.last_air_date', '>=', fromDate)]))
    .where((eb) => eb.exists(eb.selectFrom('schedule_slots').select('schedule_slots.id').whereRef('schedule_slots.drama_id', '=', 'dramas.id')))
    .orderBy('dramas.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Weekly slots of each drama, by drama id. */
export async function listSlotsOf(db: Q, dramaIds: number[]): Promise<Map<number, Slot[]>> {
  const out = new Map<number, Slot[]>();
  if (dramaIds.length === 0) return out;
  const rows = await db.selectFrom('schedule_slots').select(['drama_id', 'weekday', 'local_time']).where('drama_id', 'in', dramaIds).orderBy('weekday').orderBy('local_time').execute();
  for (const r of rows) out.set(r.drama_id, [...(out.get(r.drama_id) ?? []), { weekday: r.weekday, localTime: r.local_time }]);
  return out;
}

/** Breaks of each drama, by drama id. */
export async function listBreaksOf(db: Q, dramaIds: number[]): Promise<Map<number, ScheduleBreak[]>> {
  const out = new Map<number, ScheduleBreak[]>();
  if (dramaIds.length === 0) return out;
  const rows = await db.selectFrom('schedule_breaks').select(['drama_id', 'air_date', 'reason']).where('drama_id', 'in', dramaIds).orderBy('air_date').execute();
  for (const r of rows) out.set(r.drama_id, [...(out.get(r.drama_id) ?? []), { airDate: r.air_date, reason: r.reason }]);
  return out;
}

/** Specials of each drama, by drama id. */
export async function listSpecialsOf(db: Q, dramaIds: number[]): Promise<Map<number, ScheduleSpecial[]>> {
  const out = new Map<number, ScheduleSpecial[]>();
  if (dramaIds.length === 0) return out;
  const rows = await db.selectFrom('schedule_specials').select(['drama_id', 'air_date', 'local_time', 'title']).where('drama_id', 'in', dramaIds).orderBy('air_date').orderBy('local_time').execute();
  for (const r of rows) out.set(r.drama_id, [...(out.get(r.drama_id) ?? []), { airDate: r.air_date, localTime: r.local_time, title: r.title }]);
  return out;
}
