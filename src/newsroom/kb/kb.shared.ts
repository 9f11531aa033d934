// What every knowledge-base edit of the newsroom shares: per-field validation errors, the line
// parsing of the small list fields (aliases, platforms, schedule lines), and the log line with the
// record before and after, written in the transaction of the change it records.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import { DomainError } from '../../lib/errors.js';
import type { StaffPrincipal } from '../auth/accounts.service.js';

/** A refused form: every field's message at once, so the editor fixes them in one pass. */
export class FieldErrors extends DomainError {
  constructor(
    readonly errors: Record<string, string>,
    statusCode: 400 | 404 | 409 = 400,
  ) {
    const [field, message] = Object.entries(errors)[0] ?? ['', 'The form has errors.'];
    const more = Object.keys(errors).length - 1;
    super(more === 0 ? message : `${message} ${more === 1 ? 'One more field needs' : `${more} more fields need`} fixing: see the marked fields.`, statusCode, field);
  }
}

/** Collects field errors while a form is read; `done` throws them all, or returns quietly. */
export function errorCollector() {
  const errors: Record<string, string> = {};
  let status: 400 | 404 | 409 = 400;
  return {
    add(field: string, message: string, code: 400 | 404 | 409 = 400): void {
      if (!errors[field]) errors[field] = message;
      if (code !== 400) status = code;
    },
    has: (field: string) => field in errors,
    done(): void {
      if (Object.keys(errors).length) throw new FieldErrors(errors, status);
    },
  };
}
export type ErrorCollector = ReturnType<typeof errorCollector>;

/** Non-empty trimmed lines of a textarea. */
export const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date written YYYY-MM-DD (2021-02-30 is refused). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** "HH:MM", 00:00 to 23:59. */
export const isHhmm = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
export const isWebUrl = (s: string): boolean => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** An optional whole number in [min, max] from a form field; null when blank. */
export function optionalInt(errors: ErrorCollector, field: string, label: string, raw: string, min: number, max: number): number | null {
  const s = raw.trim();
  if (!s) return null;
  if (!/^\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    errors.add(field, `${label} must be a whole number from ${min} to ${max}.`);
    return null;
  }
  return Number(s);
}

/** Appends to the editorial log, in the caller's transaction: who, what, and the record before and after. */
export async function logKbChange(
  trx: Transaction<Database>,
  entry: { user: StaffPrincipal; action: string; targetType: string; targetId: number; before: unknown; after: unknown; now: string },
): Promise<void> {
  await trx
    .insertInto('editorial_log')
    .values({ staff_user_id: entry.user.id, actor: entry.user.email, action: entry.action, target_type: entry.targetType, target_id: entry.targetId, detail: JSON.stringify({ before: entry.before ?? null, after: entry.after ?? null }), created_at: entry.now })
    .execute();
}
