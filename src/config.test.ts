import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

test('defaults give the embedded demo on 127.0.0.1:3000 with ./data', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.host, '127.0.0.1');
  assert.match(c.dataDir, /\/data$/);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(c.logLevel, 'info');
  assert.equal(c.feedFullText, false);
  assert.equal(c.sqliteCacheMb, 4);
});

test('SQLITE_CACHE_MB is a whole number of megabytes, at least 1', () => {
  assert.equal(loadConfig({ SQLITE_CACHE_MB: '32' }).sqliteCacheMb, 32);
  assert.throws(() => loadConfig({ SQLITE_CACHE_MB: '0' }), /SQLITE_CACHE_MB must be at least 1/);
  assert.throws(() => loadConfig({ SQLITE_CACHE_MB: 'lots' }), /SQLITE_CACHE_MB must be a number/);
});

test('FEED_FULL_TEXT turns on whole stories in feeds', () => {
  assert.equal(loadConfig({ FEED_FULL_TEXT: '1' }).feedFullText, true);
  assert.equal(loadConfig({ FEED_FULL_TEXT: 'yes' }).feedFullText, true);
  assert.equal(loadConfig({ FEED_FULL_TEXT: '0' }).feedFullText, false);
});

test('values from the environment are typed', () => {
  const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db/onset', LOG_LEVEL: 'warn', PUBLIC_URL: 'https://onset.example/' });
  assert.equal(c.port, 8080);
  assert.equal(c.databaseUrl, 'postgres://u@db/onset');
  assert.equal(c.publicUrl, 'https://onset.example');
  assert.equal(c.logLevel, 'warn');
});

for (const [name, value] of [
  ['PORT', 'abc'],
  ['PORT', '70000'],
  ['DATABASE_URL', 'mysql://x'],
  ['LOG_LEVEL', 'loud'],
  ['PUBLIC_URL', 'onset.example'],
  ['SMTP_URL', 'http://mail.example'],
  ['MAIL_FROM', 'not an address'],
  ['FEED_FULL_TEXT', 'maybe'],
] as const) {
  test(`a wrong ${name} (${value}) is one clear line naming the variable`, () => {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (err: unknown) => err instanceof ConfigError && err.message.startsWith(`Invalid configuration: ${name} `) && !err.message.includes('\n'),
    );
  });
}

test('the value is echoed for plain settings, never for secrets or URLs', () => {
  assert.throws(() => loadConfig({ PORT: 'abc' }), /PORT must be a number \(got "abc"\)/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://root:hunter2@db/x' }), (e: Error) => e.message.includes('(got a mysql: URL)') && !e.message.includes('hunter2'));
  assert.throws(() => loadConfig({ COOKIE_SECRET: 'short-secret' }), (e: Error) => /COOKIE_SECRET must be at least 32/.test(e.message) && !e.message.includes('short-secret'));
});

test('SMTP_URL turns on reset mail; its password is never echoed', () => {
  assert.equal(loadConfig({}).mail, undefined);
  const c = loadConfig({ SMTP_URL: 'smtps://user:pw@mail.example:465', PUBLIC_URL: 'https://news.example' });
  assert.deepEqual(c.mail, { smtpUrl: 'smtps://user:pw@mail.example:465', from: 'Onset newsroom <newsroom@news.example>' });
  assert.throws(() => loadConfig({ SMTP_URL: 'imap://user:hunter2@mail.example' }), (e: Error) => e.message.includes('(got a imap: URL)') && !e.message.includes('hunter2'));
});

test('X-Forwarded-For is believed only from configured proxies', () => {
  assert.equal(loadConfig({}).trustProxy, false, 'off by default: a client cannot pick its own IP');
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, true);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy, '10.0.0.1,10.0.0.2');
  assert.throws(() => loadConfig({ TRUST_PROXY: 'everyone' }), /TRUST_PROXY must be true, false/);
});
