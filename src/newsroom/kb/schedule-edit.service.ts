// A drama's air schedule, edited from the newsroom as three short lists, one entry per line:
// weekly slots ("Sat 23:00", in the network's zone), breaks ("2021-07-10 Olympic coverage": a
// slot that does not air) and specials ("2021-08-01 22:00 Special episode": an extra broadcast).
// Every line is checked before anything changes; the three lists are replaced together.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import type { KbDeps } from './dramas.service.js';
import { afterDramaChange } from './dramas.service.js';
import { errorCollector, isHhmm, isIsoDate, lines, logKbChange } from './kb.shared.js';

export interface ScheduleForm {
  slots: string;
  breaks: string;
  specials: string;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const weekdayName = (n: number): string => ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][n - 1] ?? String(n);
/** ISO weekday (1 = Monday) of a calendar date. */
const weekdayOf = (isoDate: string): number => ((new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** "Sat", "saturday" or "6" to 6. */
function parseWeekday(word: string): number | null {
  if (/^[1-7]$/.test(word)) return Number(word);
  const i = WEEKDAYS.indexOf(word.slice(0, 3).toLowerCase());
  return i >= 0 && 'monday tuesday wednesday thursday friday saturday sunday'.split(' ')[i]!.startsWith(word.toLowerCase()) ? i + 1 : null;
}

export function parseScheduleForm(f: ScheduleForm) {
  const errors = errorCollector();
  const slots: { weekday: number; local_time: string }[] = [];
  lines(f.slots).forEach((line, i) => {
    const [day = '', time = '', ...rest] = line.split(/\s+/);
    const weekday = parseWeekday(day);
    if (weekday === null || !isHhmm(time) || rest.length) return errors.add('slots', `Slot line ${i + 1} ("${line}"): write a weekday and a 24-hour time, e.g. "Sat 23:00".`);
    if (slots.some((s) => s.weekday === weekday && s.local_time === time)) return errors.add('slots', `Slot line ${i + 1}: ${weekdayName(weekday)} ${time} is listed twice.`);
    slots.push({ weekday, local_time: time });
  });
  const breaks: { air_date: string; reason: string }[] = [];
  lines(f.breaks).forEach((line, i) => {
    const [date = '', ...reason] = line.split(/\s+/);
    if (!isIsoDate(date)) return errors.add('breaks', `Break line ${i + 1} ("${line}"): start with the date of the slot that does not air, e.g. "2021-07-10 Olympic coverage".`);
    if (!slots.some((s) => s.weekday === weekdayOf(date))) return errors.add('breaks', `Break line ${i + 1}: no weekly slot airs on ${date} (a ${weekdayName(weekdayOf(date))}).`);
    if (breaks.some((b) => b.air_date === date)) return errors.add('breaks', `Break line ${i + 1}: ${date} is listed twice.`);
    breaks.push({ air_date: date, reason: reason.join(' ').slice(0, 200) });
  });
  const specials: { air_date: string; local_time: string; title: string }[] = [];
  lines(f.specials).forEach((line, i) => {
    const [date = '', time = '', ...title] = line.split(/\s+/);
    if (!isIsoDate(date) || !isHhmm(time)) return errors.add('specials', `Special line ${i + 1} ("${line}"): write a date, a 24-hour time and a title, e.g. "2021-08-01 22:00 Special episode".`);
    if (specials.some((s) => s.air_date === date && s.local_time === time)) return errors.add('specials', `Special line ${i + 1}: ${date} ${time} is listed twice.`);
    specials.push({ air_date: date, local_time: time, title: title.join(' ').slice(0, 200) });
  });
  if (slots.length > 14) errors.add('slots', 'At most 14 weekly slots.');
  if (breaks.length > 200 || specials.length > 200) errors.add('breaks', 'At most 200 breaks and 200 specials.');
  errors.done();
  return { slots, breaks, specials };
}

async function scheduleRecord(trx: Transaction<Database>, dramaId: number) {
  const [slots, breaks, specials] = await Promise.all([
    trx.selectFrom('schedule_slots').select(['weekday', 'local_time']).where('drama_id', '=', dramaId).orderBy('weekday').orderBy('local_time').execute(),
    trx.selectFrom('schedule_breaks').select(['air_date', 'reason']).where('drama_id', '=', dramaId).orderBy('air_date').execute(),
    trx.selectFrom('schedule_specials').select(['air_date', 'local_time', 'title']).where('drama_id', '=', dramaId).orderBy('air_date').orderBy('local_time').execute(),
  ]);
  return { slots, breaks, specials };
}
export type ScheduleRecord = Awaited<ReturnType<typeof scheduleRecord>>;

export function scheduleFormOf(r: ScheduleRecord): ScheduleForm {
  return {
    slots: r.slots.map((s) => `${weekdayName(s.weekday)} ${s.local_time}`).join('\n'),
    breaks: r.breaks.map((b) => `${b.air_date} ${b.reason}`.trim()).join('\n'),
    specials: r.specials.map((s) => `${s.air_date} ${s.local_time} ${s.title}`.trim()).join('\n'),
  };
}

export const loadScheduleRecord = (deps: Pick<KbDeps, 'db'>, dramaId: number) => deps.db.transaction().execute((trx) => scheduleRecord(trx, dramaId));

/** Replaces a drama's slots, breaks and specials with the form's, logging the schedule before and after. */
export async function saveDramaSchedule(input: { dramaId: number; form: ScheduleForm }, deps: KbDeps): Promise<void> {
  const parsed = parseScheduleForm(input.form);
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const drama = await trx.selectFrom('dramas').select('id').where('id', '=', input.dramaId).executeTakeFirst();
    if (!drama) throw new DomainError('No drama has that id.', 404);
    const before = await scheduleRecord(trx, input.dramaId);
    await trx.deleteFrom('schedule_slots').where('drama_id', '=', input.dramaId).execute();
    await trx.deleteFrom('schedule_breaks').where('drama_id', '=', input.dramaId).execute();
    await trx.deleteFrom('schedule_specials').where('drama_id', '=', input.dramaId).execute();
    const withDrama = <T>(rows: T[]) => rows.map((r) => ({ ...r, drama_id: input.dramaId }));
    if (parsed.slots.length) await trx.insertInto('schedule_slots').values(withDrama(parsed.slots)).execute();
    if (parsed.breaks.length) await trx.insertInto('schedule_breaks').values(withDrama(parsed.breaks)).execute();
    if (parsed.specials.length) await trx.insertInto('schedule_specials').values(withDrama(parsed.specials)).execute();
    await logKbChange(trx, { user: deps.user, action: 'schedule.update', targetType: 'drama', targetId: input.dramaId, before, after: await scheduleRecord(trx, input.dramaId), now });
  });
  afterDramaChange(input.dramaId, deps);
}
