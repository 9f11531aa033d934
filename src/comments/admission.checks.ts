// The admission pipeline: an ordered list of small pure checks a new comment passes through
// (after Coral Talk's phases). Each takes exactly the context it needs and returns a verdict
// with a reason for moderators and kind words for the commenter, or undefined for "no opinion".
import type { CommentSettings } from './settings.js';

export type VerdictAction = 'accept' | 'hold' | 'spam' | 'reject';

export interface Verdict {
  action: VerdictAction;
  /** Which check decided, e.g. "links". */
  check: string;
  /** For moderators: "contains 3 links (hold at 2)". */
  reason: string;
  /** For the commenter, in kind words. */
  message: string;
  /** Form field the message belongs to, for rejections. */
  field?: 'comment' | 'author' | 'email' | 'url';
  /** HTTP status of a rejection: 403 closed, 409 duplicate, 422 invalid, 429 too many. */
  httpStatus?: 403 | 409 | 422 | 429;
}

/** Everything the checks may look at; each check picks what it needs. */
export interface AdmissionContext {
  now: Date;
  settings: CommentSettings;
  article: { commentsOpen: boolean; publishedAt: string | null };
  comment: { body: string; authorName: string; authorEmail: string; authorUrl: string | null };
  /** The honeypot field as submitted (humans never see it). */
  honeypot: string;
  /** When the form was rendered (from its signed token), or null when the token is missing or forged. */
  renderedAt: Date | null;
  /** Facts from storage, gathered before the checks run. */
  history: { recentFromIp: number; recentFromEmail: number; duplicate: boolean; previouslyApproved: boolean };
}

export type AdmissionCheck = (ctx: AdmissionContext) => Verdict | undefined;

const URL_RE = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi;

/** URLs in a text (http(s):// and www.), as typed. */
export function findUrls(text: string): string[] {
  return text.match(URL_RE) ?? [];
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.startsWith('www.') ? `http://${url}` : url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The first word of the list found in the text, case-insensitive (WordPress matches fragments too). */
export function firstListedWord(text: string, words: string[]): string | undefined {
  const lower = text.toLowerCase();
  return words.map((w) => w.trim().toLowerCase()).find((w) => w && lower.includes(w));
}

export function checkClosedArticle(ctx: Pick<AdmissionContext, 'article' | 'settings' | 'now'>): Verdict | undefined {
  const closed = { action: 'reject' as const, check: 'closed', httpStatus: 403 as const, message: 'Comments are closed on this story.' };
  if (!ctx.article.commentsOpen) return { ...closed, reason: 'comments are closed on this article' };
  const days = ctx.settings.closeAfterDays;
  if (days > 0 && ctx.article.publishedAt) {
    const age = ctx.now.getTime() - Date.parse(ctx.article.publishedAt);
    if (age > days * 86_400_000) return { ...closed, reason: `article is older than ${days} days` };
  }
  return undefined;
}

export function checkLength(ctx: Pick<AdmissionContext, 'comment' | 'settings'>): Verdict | undefined {
  // Characters as a reader counts them (code points, so an emoji is one), without building an array.
  let length = 0;
  for (const _ of ctx.comment.body.trim()) length++;
  const { minLength, maxLength } = ctx.settings;
  if (length < minLength) {
    return { action: 'reject', check: 'length', field: 'comment', httpStatus: 422, reason: `too short (${length} < ${minLength})`, message: length === 0 ? 'Please type your comment.' : `Your comment is a little short: please write at least ${minLength} characters.` };
  }
  if (length > maxLength) {
    return { action: 'reject', check: 'length', field: 'comment', httpStatus: 422, reason: `too long (${length} > ${maxLength})`, message: `Your comment is ${length} characters long; the limit is ${maxLength}. Please shorten it.` };
  }
  return undefined;
}

export function checkHoneypot(ctx: Pick<AdmissionContext, 'honeypot'>): Verdict | undefined {
  if (ctx.honeypot.trim()) return { action: 'spam', check: 'honeypot', reason: 'filled the hidden honeypot field', message: 'Your comment is awaiting moderation.' };
  return undefined;
}

export function checkTooFast(ctx: Pick<AdmissionContext, 'renderedAt' | 'now' | 'settings'>): Verdict | undefined {
  if (!ctx.renderedAt) {
    return { action: 'reject', check: 'form-token', field: 'comment', httpStatus: 422, reason: 'missing or forged form token', message: 'This form is out of date. Please reload the page and post your comment again.' };
  }
  const seconds = (ctx.now.getTime() - ctx.renderedAt.getTime()) / 1000;
  if (seconds < ctx.settings.minSecondsToSubmit) {
    return { action: 'spam', check: 'too-fast', reason: `submitted ${seconds.toFixed(1)} s after the form was shown (minimum ${ctx.settings.minSecondsToSubmit} s)`, message: 'Your comment is awaiting moderation.' };
  }
  return undefined;
}

export function checkRateLimit(ctx: Pick<AdmissionContext, 'history' | 'settings'>): Verdict | undefined {
  const { recentFromIp, recentFromEmail } = ctx.history;
  const { maxPerIpPerWindow, maxPerEmailPerWindow, rateWindowSeconds } = ctx.settings;
  const message = `You are posting comments too quickly. Please wait a minute and try again.`;
  if (recentFromIp >= maxPerIpPerWindow) return { action: 'reject', check: 'rate-limit', httpStatus: 429, reason: `${recentFromIp} comments from this IP in ${rateWindowSeconds} s (limit ${maxPerIpPerWindow})`, message };
  if (recentFromEmail >= maxPerEmailPerWindow) return { action: 'reject', check: 'rate-limit', httpStatus: 429, reason: `${recentFromEmail} comments from this email in ${rateWindowSeconds} s (limit ${maxPerEmailPerWindow})`, message };
  return undefined;
}

export const DUPLICATE_MESSAGE = "Duplicate comment detected; it looks as though you've already said that!";

export function checkDuplicate(ctx: Pick<AdmissionContext, 'history'>): Verdict | undefined {
  if (ctx.history.duplicate) return { action: 'reject', check: 'duplicate', field: 'comment', httpStatus: 409, reason: 'same body from the same email on this article', message: DUPLICATE_MESSAGE };
  return undefined;
}

/** The words a list check reads: body, name, email and website, as WordPress does. */
function searchable(c: AdmissionContext['comment']): string {
  return [c.body, c.authorName, c.authorEmail, c.authorUrl ?? ''].join('\n');
}

export function checkDisallowedWords(ctx: Pick<AdmissionContext, 'comment' | 'settings'>): Verdict | undefined {
  // Every post runs the checks; with no list there is nothing to look for.
  if (!ctx.settings.disallowedWords.length) return undefined;
  const word = firstListedWord(searchable(ctx.comment), ctx.settings.disallowedWords);
  if (word) return { action: 'spam', check: 'disallowed-words', reason: `contains the disallowed word "${word}"`, message: 'Your comment is awaiting moderation.' };
  return undefined;
}

export function checkModerationWords(ctx: Pick<AdmissionContext, 'comment' | 'settings'>): Verdict | undefined {
  if (!ctx.settings.moderationWords.length) return undefined;
  const word = firstListedWord(searchable(ctx.comment), ctx.settings.moderationWords);
  if (word) return { action: 'hold', check: 'moderation-words', reason: `contains the moderated word "${word}"`, message: 'Your comment is held for review: it contains a word our moderators look at first.' };
  return undefined;
}

export function checkLinks(ctx: Pick<AdmissionContext, 'comment' | 'settings'>): Verdict | undefined {
  const count = findUrls(ctx.comment.body).length;
  if (ctx.settings.holdAtLinks > 0 && count >= ctx.settings.holdAtLinks) {
    return { action: 'hold', check: 'links', reason: `contains ${count} links (hold at ${ctx.settings.holdAtLinks})`, message: `Your comment is held for review: it contains ${count} links.` };
  }
  return undefined;
}

export function checkUrlBlocklist(ctx: Pick<AdmissionContext, 'comment' | 'settings'>): Verdict | undefined {
  const blocked = ctx.settings.urlBlocklist.map((h) => h.trim().toLowerCase().replace(/^\*?\./, '')).filter(Boolean);
  if (!blocked.length) return undefined;
  const urls = [...findUrls(ctx.comment.body), ...(ctx.comment.authorUrl ? [ctx.comment.authorUrl] : [])];
  for (const url of urls) {
    const host = hostOf(url);
    const hit = host && blocked.find((b) => host === b || host.endsWith(`.${b}`));
    if (hit) return { action: 'spam', check: 'url-blocklist', reason: `links to the blocked host ${hit}`, message: 'Your comment is awaiting moderation.' };
  }
  return undefined;
}

export function checkFirstTimeCommenter(ctx: Pick<AdmissionContext, 'history' | 'settings'>): Verdict | undefined {
  if (!ctx.settings.holdFirstComment) return undefined;
  if (ctx.history.previouslyApproved) return { action: 'accept', check: 'first-time', reason: 'has an approved comment before', message: '' };
  return { action: 'hold', check: 'first-time', reason: 'first comment from this email', message: 'Your comment is held for review: it is your first comment here, and a moderator will look at it soon.' };
}

/** The checks, in order: cheap refusals first, then spam, then reasons to hold. */
export const ADMISSION_CHECKS: readonly AdmissionCheck[] = [
  checkClosedArticle,
  checkLength,
  checkHoneypot,
  checkTooFast,
  checkRateLimit,
  checkDuplicate,
  checkDisallowedWords,
  checkUrlBlocklist,
  checkModerationWords,
  checkLinks,
  checkFirstTimeCommenter,
];

export interface Admission {
  /** Where the comment goes; null when refused. */
  status: 'approved' | 'pending' | 'spam' | null;
  /** The deciding verdict (the refusal, the spam, or the first hold); undefined when approved cleanly. */
  verdict: Verdict | undefined;
}

/**
 * Runs the checks in order. A refusal or spam verdict ends the run; the first hold is kept while
 * later checks may still refuse or send to spam.
 */
export function admit(ctx: AdmissionContext, checks: readonly AdmissionCheck[] = ADMISSION_CHECKS): Admission {
  let hold: Verdict | undefined;
  for (const check of checks) {
    const verdict = check(ctx);
    if (!verdict || verdict.action === 'accept') continue;
    if (verdict.action === 'reject') return { status: null, verdict };
    if (verdict.action === 'spam') return { status: 'spam', verdict };
    hold ??= verdict;
  }
  return hold ? { status: 'pending', verdict: hold } : { status: 'approved', verdict: undefined };
}
