// Demo comments on the Watch story, so a fresh install shows a thread and a reply.
// Original text; fictional commenters whose example.com-style emails are stored like any
// commenter's (for moderation only) and never shown.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { WATCH_ARTICLE_SLUG } from '../demo/demo.data.js';
import { appendModerationLog, insertComment } from './comments.repository.js';
import { avatarKey, duplicateKey } from './identicon.js';

/** Demo avatars are keyed with a fixed, public key: the demo emails are invented, nothing to hide. */
const DEMO_AVATAR_KEY = 'onset-demo-comments';

interface DemoComment {
  /** Index of the comment replied to in this list; undefined at the top level. */
  replyTo?: number;
  name: string;
  email: string;
  url?: string;
  body: string;
  /** Minutes after the story went live. */
  minutesAfter: number;
}

export const DEMO_COMMENTS: readonly DemoComment[] = [
  { name: 'Dahlia R.', email: 'dahlia.r@readers.example', minutesAfter: 14, body: 'The way he checks on her before the director even calls cut. You cannot fake that kind of attention.' },
  { replyTo: 0, name: 'minseo_watches', email: 'minseo@readers.example', minutesAfter: 31, body: 'Right? And she laughs it off straight away, so he relaxes too. **Professional and kind.**' },
  { replyTo: 1, name: 'Dahlia R.', email: 'dahlia.r@readers.example', minutesAfter: 47, body: 'Exactly. The subtitles catch the little "are you sure?" at the end as well, which I missed the first time.' },
  { name: 'Tomás from Lisbon', email: 'tomas.l@readers.example', url: 'https://tomas.example/', minutesAfter: 58, body: 'Came for the behind-the-scenes, stayed for the crew member holding the umbrella for everyone in the rain.' },
  { name: 'Ha-eun', email: 'haeun@readers.example', minutesAfter: 75, body: 'Rewatching episode 3 tonight because of this clip.\n\n> a little "are you sure?"\n\nThat line lives in my head now.' },
];

/**
 * Adds the demo comments (approved) to the Watch story when it has no comment at all, each with
 * its "posted" moderation-log row, in one transaction. A story with any comment is left alone,
 * so a second run changes nothing and real comments are never mixed with invented ones.
 */
export async function seedDemoComments(deps: { db: Kysely<Database>; clock: Clock }): Promise<number> {
  const nowMs = deps.clock().getTime();
  return deps.db.transaction().execute(async (trx) => {
    const article = await trx.selectFrom('articles').select(['id', 'published_at']).where('slug', '=', WATCH_ARTICLE_SLUG).executeTakeFirst();
    if (!article) return 0;
    const any = await trx.selectFrom('comments').select('id').where('article_id', '=', article.id).limit(1).executeTakeFirst();
    if (any) return 0;
    const fromMs = Math.min(nowMs, Date.parse(article.published_at ?? new Date(nowMs).toISOString()));
    const ids: { id: number; depth: number }[] = [];
    for (const c of DEMO_COMMENTS) {
      const parent = c.replyTo === undefined ? undefined : ids[c.replyTo];
      // Never in the future, even when the story went live only minutes ago.
      const at = new Date(Math.min(nowMs, fromMs + c.minutesAfter * 60_000)).toISOString();
      const id = await insertComment(trx, {
        article_id: article.id,
        parent_id: parent?.id ?? null,
        depth: (parent?.depth ?? 0) + 1,
        author_name: c.name,
        author_email: c.email,
        author_url: c.url ?? null,
        author_ip: null,
        user_agent: null,
        avatar_key: avatarKey(c.email, DEMO_AVATAR_KEY),
        duplicate_key: duplicateKey(c.email, c.body, DEMO_AVATAR_KEY),
        body: c.body,
        status: 'approved',
        status_reason: 'demo content',
        created_at: at,
        updated_at: at,
      });
      await appendModerationLog(trx, { commentId: id, action: 'posted', fromStatus: null, toStatus: 'approved', actor: 'cli', reason: 'demo content', now: at });
      ids.push({ id, depth: (parent?.depth ?? 0) + 1 });
    }
    return ids.length;
  });
}
