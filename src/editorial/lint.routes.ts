// POST /api/v1/lint: the editorial linter for the newsroom editor and other tools.
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { lintText, RULE_IDS } from './engine.js';
import { lintKbFor } from './lint.service.js';

/** Longest text accepted: a long feature is ~60k characters; this leaves room without inviting abuse. */
export const MAX_LINT_CHARS = 200_000;

const LintBody = Type.Object(
  {
    text: Type.String({ maxLength: MAX_LINT_CHARS, description: 'Markdown or plain text of the story' }),
    disable: Type.Optional(Type.Array(Type.Union(RULE_IDS.map((id) => Type.Literal(id))), { maxItems: RULE_IDS.length, description: 'Rules to leave out for this request' })),
  },
  { additionalProperties: false },
);
const Finding = Type.Object({
  ruleId: Type.String({ description: `One of ${RULE_IDS.join(', ')}, or lint-directive` }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  line: Type.Integer({ minimum: 1 }),
  column: Type.Integer({ minimum: 1, description: '1-based, in UTF-16 code units' }),
  endLine: Type.Integer({ minimum: 1 }),
  endColumn: Type.Integer({ minimum: 1, description: 'Exclusive' }),
  offset: Type.Integer({ minimum: 0, description: '0-based UTF-16 offset of the found text' }),
  length: Type.Integer({ minimum: 0 }),
  text: Type.String({ description: 'The text found' }),
  message: Type.String(),
  suggestion: Type.Optional(Type.String({ description: 'Replacement for text; empty deletes it' })),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  entity: Type.Optional(Type.Object({ type: Type.String(), id: Type.Integer(), name: Type.String(), href: Type.String() })),
});

export function lintRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v1/lint',
      {
        // Room for MAX_LINT_CHARS of Hangul (3 bytes each) plus JSON escaping.
        bodyLimit: MAX_LINT_CHARS * 4,
        schema: {
          tags: ['lint'],
          summary: 'Check a story against the knowledge base: misspelt, misordered or misattributed names and roles',
          body: LintBody,
          response: { 200: Type.Object({ findings: Type.Array(Finding) }), 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
        },
      },
      async (request) => {
        const kb = await lintKbFor({ db: ctx.db.kysely, names: ctx.names });
        return { findings: lintText(request.body.text, kb, { disable: request.body.disable ?? [] }) };
      },
    );
  };
}
