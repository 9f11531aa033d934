// Data requests of a commenter, by email: export everything stored about them, or erase it.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { appendModerationLog } from './comments.repository.js';
import { commentsChanged } from './freshness.js';

/** Every comment stored with this email, with the personal data, as JSON-ready objects. */
export async function exportCommenter(input: { email: string }, deps: { db: Kysely<Database> }) {
  const email = input.email.trim().toLowerCase();
  const rows = await deps.db
    .selectFrom('comments')
    .innerJoin('articles', 'articles.id', 'comments.article_id')
    .select(['comments.id', 'articles.slug as article_slug', 'comments.parent_id', 'comments.author_name', 'comments.author_email', 'comments.author_url', 'comments.author_ip', 'comments.user_agent', 'comments.body', 'comments.status', 'comments.created_at', 'comments.updated_at'])
    .where('comments.author_email', '=', email)
    .orderBy('comments.id')
    .execute();
  return { email, exportedAt: new Date().toISOString(), comments: rows };
}

/**
 * Erases the personal data of every comment stored with this email, as WordPress's eraser does:
 * name becomes "Anonymous", email, website, IP and user agent are removed, the avatar is
 * re-seeded at random. The text stays so that replies keep their context; each change is logged.
 */
export async function eraseCommenter(input: { email: string }, deps: { db: Kysely<Database>; clock: Clock }): Promise<{ erased: number }> {
  const email = input.email.trim().toLowerCase();
  const now = deps.clock().toISOString();
  const touched = new Set<number>();
  const result = await deps.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('comments').select(['id', 'status', 'article_id']).where('author_email', '=', email).execute();
    for (const r of rows) {
      await trx
        .updateTable('comments')
        .set({ author_name: 'Anonymous', author_email: null, author_url: null, author_ip: null, user_agent: null, duplicate_key: null, avatar_key: crypto.randomBytes(32).toString('hex'), updated_at: now })
        .where('id', '=', r.id)
        .execute();
      if (r.status === 'approved') touched.add(r.article_id);
      await appendModerationLog(trx, { commentId: r.id, action: 'erase', fromStatus: r.status, toStatus: r.status, actor: 'cli', reason: 'personal data erased on request', now });
    }
    return { erased: rows.length };
  });
  commentsChanged(touched);
  return result;
}
