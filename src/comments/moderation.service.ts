import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { DomainError } from '../lib/errors.js';
import { appendModerationLog } from './comments.repository.js';
import { commentsChanged } from './freshness.js';
import { saveCommentSettings, type CommentSettings } from './settings.js';
import { COMMENT_STATUSES, type CommentStatus, type ReportReason } from './comments.table.js';

export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore', 'edit', 'pick', 'unpick'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const TARGET: Partial<Record<ModerationAction, CommentStatus>> = { approve: 'approved', unapprove: 'pending', spam: 'spam', trash: 'trash' };

type Deps = { db: Kysely<Database>; clock: Clock };

/**
 * Applies one action to each comment, each change with its log row, all in one transaction.
 * `restore` puts a comment back in the status it had before it went to spam or trash.
 */
export async function moderateComments(input: { ids: number[]; action: ModerationAction; body?: string | undefined; reason?: string | undefined; actor?: string }, deps: Deps): Promise<{ changed: number[] }> {
  const now = deps.clock().toISOString();
  const actor = input.actor ?? 'staff';
  if (input.action === 'edit' && !input.body?.trim()) throw new DomainError('An edit needs the new text of the comment.', 400, 'body');
  const touched = new Set<number>();
  const result = await deps.db.transaction().execute(async (trx) => {
    const changed: number[] = [];
    for (const id of [...new Set(input.ids)]) {
      const c = await trx.selectFrom('comments').select(['id', 'status', 'editor_pick', 'article_id']).where('id', '=', id).executeTakeFirst();
      if (!c) throw new DomainError(`No comment has the id ${id}.`, 404);
      let to: CommentStatus = c.status;
      const set: Record<string, unknown> = { updated_at: now };
      if (input.action === 'restore') {
        const last = await trx.selectFrom('comment_moderation_log').select('from_status').where('comment_id', '=', id).where('to_status', '=', c.status).orderBy('id', 'desc').limit(1).executeTakeFirst();
        const previous = last?.from_status as CommentStatus | undefined;
        to = previous && previous !== c.status && COMMENT_STATUSES.includes(previous) ? previous : 'pending';
      } else if (TARGET[input.action]) {
        to = TARGET[input.action]!;
      } else if (input.action === 'edit') {
        set.body = input.body!.replace(/\r\n?/g, '\n').trim();
      } else if (input.action === 'pick' || input.action === 'unpick') {
        set.editor_pick = input.action === 'pick' ? 1 : 0;
        // A pinned comment must be visible: picking approves it.
        if (input.action === 'pick') to = 'approved';
      }
      if (to !== c.status) set.status = to;
      // A trashed comment no longer blocks posting the same words again (WordPress skips trash too).
      if (to === 'trash') set.duplicate_key = null;
      if (input.action === 'approve' || input.action === 'spam' || input.action === 'trash') set.status_reason = input.reason ?? null;
      await trx.updateTable('comments').set(set).where('id', '=', id).execute();
      if (to === 'approved' || input.action === 'spam' || input.action === 'trash') {
        // Acting on a comment settles the reports about it.
        await trx.updateTable('comment_reports').set({ resolved_at: now }).where('comment_id', '=', id).where('resolved_at', 'is', null).execute();
      }
      await appendModerationLog(trx, { commentId: id, action: input.action, fromStatus: c.status, toStatus: to, actor, reason: input.reason ?? '', now });
      changed.push(id);
      // Readers see a change when the comment was or now is approved.
      if (c.status === 'approved' || to === 'approved') touched.add(c.article_id);
    }
    return { changed };
  });
  // After the commit, so no reader can cache the old state again in between.
  commentsChanged(touched);
  return result;
}

/** A reader's report about an approved comment, logged with it. */
export async function reportComment(input: { id: number; reason: ReportReason; note: string }, deps: Deps): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('comments').select(['id', 'status']).where('id', '=', input.id).executeTakeFirst();
    if (!c || c.status !== 'approved') throw new DomainError('That comment cannot be reported.', 404);
    await trx.insertInto('comment_reports').values({ comment_id: input.id, reason: input.reason, note: input.note.slice(0, 500), created_at: now, resolved_at: null }).execute();
    await appendModerationLog(trx, { commentId: input.id, action: 'report', fromStatus: c.status, toStatus: c.status, actor: 'reader', reason: input.reason, now });
  });
}

/** Comments per status, and open reports. */
export async function countByStatus(db: Kysely<Database>): Promise<Record<CommentStatus | 'reported', number>> {
  const rows = await db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const reported = await db.selectFrom('comment_reports').select((eb) => eb.fn.count<number>('comment_id').distinct().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  const out = { pending: 0, approved: 0, spam: 0, trash: 0, reported: Number(reported.n) };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export type Queue = CommentStatus | 'reported';

/** A moderation queue, newest first, with everything a moderator needs (email and IP included). */
export async function listQueue(db: Kysely<Database>, q: { queue: Queue; limit: number; offset: number }) {
  let query = db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select([
      'comments.id', 'comments.article_id', 'comments.parent_id', 'comments.author_name', 'comments.author_email', 'comments.author_url', 'comments.author_ip',
      'comments.body', 'comments.status', 'comments.status_reason', 'comments.editor_pick', 'comments.is_staff', 'comments.created_at', 'articles.slug as article_slug', 'articles.headline as article_headline',
    ]);
  if (q.queue === 'reported') {
    query = query.where((eb) => eb.exists(eb.selectFrom('comment_reports').select('comment_reports.id').whereRef('comment_reports.comment_id', '=', 'comments.id').where('comment_reports.resolved_at', 'is', null)));
  } else {
    query = query.where('comments.status', '=', q.queue);
  }
  const rows = await query.orderBy('comments.id', 'desc').limit(q.limit).offset(q.offset).execute();
  const ids = rows.map((r) => r.id);
  const reports = ids.length
    ? await db.selectFrom('comment_reports').select(['comment_id', 'reason', 'note']).where('comment_id', 'in', ids).where('resolved_at', 'is', null).execute()
    : [];
  return rows.map((r) => ({ ...r, reports: reports.filter((x) => x.comment_id === r.id).map((x) => ({ reason: x.reason, note: x.note })) }));
}

/**
 * Saves discussion settings (others keep their value). Paging, depth and closing apply to every
 * story's comment section, so every story page is purged.
 */
export async function changeDiscussionSettings(changes: Partial<CommentSettings>, deps: Deps): Promise<CommentSettings> {
  const saved = await saveCommentSettings(deps.db, changes, deps.clock().toISOString());
  const articles = await deps.db.selectFrom('articles').select('id').execute();
  commentsChanged(articles.map((a) => a.id));
  return saved;
}
