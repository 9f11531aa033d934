import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  admit,
  checkClosedArticle,
  checkDisallowedWords,
  checkDuplicate,
  checkFirstTimeCommenter,
  checkHoneypot,
  checkLength,
  checkLinks,
  checkModerationWords,
  checkRateLimit,
  checkTooFast,
  checkUrlBlocklist,
  DUPLICATE_MESSAGE,
  type AdmissionContext,
} from './admission.checks.js';
import { DEFAULT_COMMENT_SETTINGS } from './settings.js';

const NOW = new Date('2026-11-25T12:00:00Z');
function ctx(over: Partial<AdmissionContext> = {}): AdmissionContext {
  return {
    now: NOW,
    settings: { ...DEFAULT_COMMENT_SETTINGS },
    article: { commentsOpen: true, publishedAt: '2026-11-25T10:00:00Z' },
    comment: { body: 'Song Kang is so kind here.', authorName: 'Jisoo', authorEmail: 'jisoo@example.com', authorUrl: null },
    honeypot: '',
    renderedAt: new Date(NOW.getTime() - 30_000),
    history: { recentFromIp: 0, recentFromEmail: 0, duplicate: false, previouslyApproved: true },
    ...over,
  };
}

describe('checkClosedArticle', () => {
  test('refuses when the article is closed', () => {
    const v = checkClosedArticle(ctx({ article: { commentsOpen: false, publishedAt: null } }));
    assert.equal(v?.action, 'reject');
    assert.equal(v?.httpStatus, 403);
  });
  test('closing after N days is off by default, and closes when set', () => {
    const old = { commentsOpen: true, publishedAt: '2020-01-01T00:00:00Z' };
    assert.equal(checkClosedArticle(ctx({ article: old })), undefined);
    const v = checkClosedArticle(ctx({ article: old, settings: { ...DEFAULT_COMMENT_SETTINGS, closeAfterDays: 14 } }));
    assert.match(v!.reason, /older than 14 days/);
  });
});

describe('checkLength', () => {
  test('too short and too long are refused on the comment field', () => {
    assert.equal(checkLength(ctx({ comment: { ...ctx().comment, body: '  ' } }))?.field, 'comment');
    const long = checkLength(ctx({ comment: { ...ctx().comment, body: 'x'.repeat(5001) } }));
    assert.equal(long?.httpStatus, 422);
    assert.match(long!.message, /5001 characters long; the limit is 5000/);
    assert.equal(checkLength(ctx()), undefined);
  });
});

describe('checkHoneypot', () => {
  test('a filled honeypot is spam', () => {
    assert.equal(checkHoneypot(ctx({ honeypot: 'http://bot' }))?.action, 'spam');
    assert.equal(checkHoneypot(ctx()), undefined);
  });
});

describe('checkTooFast', () => {
  test('faster than the minimum is spam; no token is refused', () => {
    const v = checkTooFast(ctx({ renderedAt: new Date(NOW.getTime() - 1000) }));
    assert.equal(v?.action, 'spam');
    assert.match(v!.reason, /1\.0 s after/);
    assert.equal(checkTooFast(ctx({ renderedAt: null }))?.action, 'reject');
    assert.equal(checkTooFast(ctx()), undefined);
  });
});

describe('checkRateLimit', () => {
  test('per IP and per email, 429', () => {
    const ip = checkRateLimit(ctx({ history: { ...ctx().history, recentFromIp: 5 } }));
    assert.equal(ip?.httpStatus, 429);
    assert.match(ip!.reason, /from this IP/);
    const email = checkRateLimit(ctx({ history: { ...ctx().history, recentFromEmail: 3 } }));
    assert.match(email!.reason, /from this email/);
    assert.equal(checkRateLimit(ctx({ history: { ...ctx().history, recentFromIp: 4, recentFromEmail: 2 } })), undefined);
  });
});

describe('checkDuplicate', () => {
  test("WordPress's message", () => {
    const v = checkDuplicate(ctx({ history: { ...ctx().history, duplicate: true } }));
    assert.equal(v?.message, DUPLICATE_MESSAGE);
    assert.equal(v?.message, "Duplicate comment detected; it looks as though you've already said that!");
    assert.equal(v?.httpStatus, 409);
  });
});

describe('word lists', () => {
  const settings = { ...DEFAULT_COMMENT_SETTINGS, moderationWords: ['spoiler'], disallowedWords: ['casino'] };
  test('a disallowed word anywhere (even the name) is spam', () => {
    assert.equal(checkDisallowedWords(ctx({ settings, comment: { ...ctx().comment, authorName: 'Best CASINO' } }))?.action, 'spam');
    assert.equal(checkDisallowedWords(ctx({ settings })), undefined);
  });
  test('a moderation word holds', () => {
    const v = checkModerationWords(ctx({ settings, comment: { ...ctx().comment, body: 'Big spoiler ahead' } }));
    assert.equal(v?.action, 'hold');
    assert.match(v!.reason, /"spoiler"/);
  });
});

describe('checkLinks', () => {
  test('holds at 2 or more links, with the count in kind words', () => {
    const body = 'see https://a.example and https://b.example and www.c.example';
    const v = checkLinks(ctx({ comment: { ...ctx().comment, body } }));
    assert.equal(v?.action, 'hold');
    assert.equal(v?.message, 'Your comment is held for review: it contains 3 links.');
    assert.equal(checkLinks(ctx({ comment: { ...ctx().comment, body: 'one https://a.example' } })), undefined);
  });
});

describe('checkUrlBlocklist', () => {
  test('a blocked host or its subdomain, in the body or the website, is spam', () => {
    const settings = { ...DEFAULT_COMMENT_SETTINGS, urlBlocklist: ['spam.example'] };
    assert.equal(checkUrlBlocklist(ctx({ settings, comment: { ...ctx().comment, body: 'go http://x.spam.example/a' } }))?.action, 'spam');
    assert.equal(checkUrlBlocklist(ctx({ settings, comment: { ...ctx().comment, authorUrl: 'https://spam.example' } }))?.action, 'spam');
    assert.equal(checkUrlBlocklist(ctx({ settings, comment: { ...ctx().comment, body: 'http://notspam.example' } })), undefined);
  });
});

describe('checkFirstTimeCommenter', () => {
  test('holds a first comment, accepts a known commenter, off when disabled', () => {
    const first = { ...ctx().history, previouslyApproved: false };
    assert.equal(checkFirstTimeCommenter(ctx({ history: first }))?.action, 'hold');
    assert.equal(checkFirstTimeCommenter(ctx())?.action, 'accept');
    assert.equal(checkFirstTimeCommenter(ctx({ history: first, settings: { ...DEFAULT_COMMENT_SETTINGS, holdFirstComment: false } })), undefined);
  });
});

describe('admit', () => {
  test('approves a clean comment from a known commenter', () => {
    assert.deepEqual(admit(ctx()), { status: 'approved', verdict: undefined });
  });
  test('keeps the first hold, but a later spam verdict wins', () => {
    const held = admit(ctx({ comment: { ...ctx().comment, body: 'https://a.example https://b.example' }, history: { ...ctx().history, previouslyApproved: false } }));
    assert.equal(held.status, 'pending');
    assert.equal(held.verdict?.check, 'links');
    const spam = admit(ctx({ settings: { ...DEFAULT_COMMENT_SETTINGS, moderationWords: ['kind'], urlBlocklist: ['bad.example'] }, comment: { ...ctx().comment, body: 'kind http://bad.example' } }));
    assert.equal(spam.status, 'spam');
  });
  test('a refusal stops the run', () => {
    const r = admit(ctx({ article: { commentsOpen: false, publishedAt: null }, honeypot: 'x' }));
    assert.equal(r.status, null);
    assert.equal(r.verdict?.check, 'closed');
  });
});
