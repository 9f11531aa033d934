// Freshness (issue 3, item 11): an approved comment shows on the next load of its story, even
// where pages are cached. Every write that changes what readers see of comments (a comment
// published, approved, unapproved, spammed, trashed, restored, edited, pinned; a commenter erased;
// discussion settings changed) calls commentsChanged with the stories it touched. This is the one
// place comments talk to the page cache.
import { articleChangedTags, purge } from '../cache/purge.js';

/** Purges the pages of these stories (and the lists that show their comment counts). */
export function commentsChanged(articleIds: Iterable<number>): void {
  const tags = new Set([...new Set(articleIds)].flatMap((id) => articleChangedTags(id)));
  purge([...tags]);
}
