// Password reset by email against a real SMTP peer (smtp-server on a local port): the link
// arrives, works once, and the answer never tells whether an address has an account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../app.js';
import { describeEachDatabase } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/app.js';
import { fixedClock } from '../lib/clock.js';
import { seedDemo } from '../demo/seed.js';
import { makeStaff, signInAs } from './newsroom.test-support.js';
import { MAX_RESET_MAILS_PER_HOUR } from './auth/reset-mail.service.js';
import { loadConfig } from '../config.js';

type Mail = { to: string[]; body: string };

describeEachDatabase('password reset by email', (getDb) => {
  let app: FastifyInstance;
  let smtp: SMTPServer;
  const inbox: Mail[] = [];
  let waiters: (() => void)[] = [];
  const nextMail = () => new Promise<void>((resolve) => waiters.push(resolve));

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
          callback();
          const w = waiters;
          waiters = [];
          for (const resolve of w) resolve();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const clock = fixedClock(TEST_NOW);
    await seedDemo({ db: getDb().kysely, clock });
    const mail = loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Onset newsroom <newsroom@onset.test>' }).mail;
    app = await buildApp({ db: getDb(), publicUrl: 'http://onset.test', clock, cookieSecret: 'test-secret-test-secret-test-secret-000', mail });
    await makeStaff(getDb(), clock);
  });
  after(async () => {
    await app.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const ask = async (email: string) => {
    const form = await app.inject('/newsroom/forgot');
    assert.equal(form.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    return app.inject({ method: 'POST', url: '/newsroom/forgot', headers: { cookie: String(form.headers['set-cookie']).split(';')[0]! }, payload: { email, _csrf: csrf } });
  };

  test('the sign-in page offers the email link, and the link arrives by SMTP and works once', async () => {
    assert.match((await app.inject('/newsroom/login')).body, /href="\/newsroom\/forgot"/);
    const arrived = nextMail();
    const res = await ask('Writer@onset.test');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /If that address belongs to a staff account/);
    await arrived;
    const mail = inbox.at(-1)!;
    assert.deepEqual(mail.to, ['writer@onset.test']);
    assert.match(mail.body, /From: Onset newsroom <newsroom@onset\.test>/);
    const link = /http:\/\/onset\.test(\/newsroom\/reset\/[\w-]+)/.exec(mail.body.replace(/=\r?\n/g, ''))![1]!;
    const set = await app.inject({ method: 'POST', url: link, payload: { password: 'a brand new passphrase' } });
    assert.equal(set.statusCode, 303);
    await signInAs(app, 'writer@onset.test', 'a brand new passphrase');
    const again = await app.inject({ method: 'POST', url: link, payload: { password: 'yet another passphrase' } });
    assert.equal(again.statusCode, 400, 'the link works once');
  });

  test('an unknown address gets the same answer and no mail; a form without its token is refused', async () => {
    const before = inbox.length;
    const res = await ask('nobody@onset.test');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /If that address belongs to a staff account/);
    // A known address asked right after: its mail arriving first proves the unknown one sent nothing.
    const arrived = nextMail();
    await ask('editor@onset.test');
    await arrived;
    assert.equal(inbox.length, before + 1);
    assert.deepEqual(inbox.at(-1)!.to, ['editor@onset.test']);
    const noToken = await app.inject({ method: 'POST', url: '/newsroom/forgot', payload: { email: 'editor@onset.test' } });
    assert.equal(noToken.statusCode, 403);
  });

  test(`at most ${MAX_RESET_MAILS_PER_HOUR} links an hour go to one account`, async () => {
    const mails = () => inbox.filter((m) => m.to.includes('moderator@onset.test')).length;
    for (let i = 0; i < MAX_RESET_MAILS_PER_HOUR + 2; i++) assert.equal((await ask('moderator@onset.test')).statusCode, 200, 'the answer is the same every time');
    const user = await getDb().kysely.selectFrom('staff_users').select('id').where('email', '=', 'moderator@onset.test').executeTakeFirstOrThrow();
    const links = await getDb().kysely.selectFrom('password_resets').select('token_hash').where('user_id', '=', user.id).execute();
    assert.equal(links.length, MAX_RESET_MAILS_PER_HOUR, 'no link is made past the limit, so no further mail can go');
    while (mails() < MAX_RESET_MAILS_PER_HOUR) await nextMail();
    assert.equal(mails(), MAX_RESET_MAILS_PER_HOUR);
  });
});
