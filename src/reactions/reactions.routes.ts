import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { DomainError } from '../lib/errors.js';
import { assertSameOrigin } from '../web/same-origin.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { newReaderId, readerIdOf, setReaderCookie } from './reader-cookie.js';
import { castVote, findVotableArticle, reactionState, VoteRefusedError, type ReactionState } from './reactions.service.js';
import { reactionsStaffRoutes } from './reactions.staff.routes.js';
import { stateSerializer } from './reactions.json.js';

const ReactionCount = Type.Object({
  key: Type.String({ description: 'Stable key, e.g. love' }),
  emoji: Type.String(),
  label: Type.String(),
  count: Type.Integer({ minimum: 0 }),
  share: Type.Integer({ minimum: 0, maximum: 100, description: 'Whole percent of all votes; shares add up to 100' }),
});
const ReactionStateBody = Type.Object({
  article: Type.String({ description: 'Slug of the story' }),
  total: Type.Integer({ minimum: 0 }),
  reactions: Type.Array(ReactionCount),
  // `nullable` rather than a union: fast-json-stringify serializes a union by running a validator
  // on every response, a measurable cost on the vote path.
  myVote: Type.Unsafe<string | null>({ type: 'string', nullable: true, description: "The caller's reaction (from the onset_reader cookie), or null" }),
});
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody };

export function reactionsRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const deps = { db: ctx.db, clock: ctx.clock, reactions: ctx.reactions };
    const keys = ctx.reactions.set.map((r) => r.key).join(', ');
    const toJson = stateSerializer(ctx.reactions.set);
    /** The answer of all three API routes: never cached, as it holds the caller's own vote. */
    const answer = (reply: FastifyReply, slug: string, state: ReactionState) =>
      reply.header('cache-control', 'private, no-store').type('application/json; charset=utf-8').send(toJson(slug, state));

    /**
     * Votes for the request's reader, issuing a reader cookie on their first vote. A refusal over a
     * cap carries Retry-After; the error handler renders the 429 page or JSON.
     */
    async function vote(request: FastifyRequest, reply: FastifyReply, articleId: number, reaction: string | null): Promise<ReactionState> {
      const known = readerIdOf(request);
      if (!known && reaction === null) return reactionState(deps, { articleId });
      const readerId = known ?? newReaderId();
      try {
        const state = await castVote({ articleId, readerId, reaction, ip: request.ip }, deps);
        if (!known) setReaderCookie(reply, readerId, ctx.site.publicUrl);
        return state;
      } catch (err) {
        if (err instanceof VoteRefusedError) reply.header('retry-after', String(err.retryAfterSec));
        throw err;
      }
    }

    app.get(
      '/api/v1/articles/:slug/reactions',
      {
        schema: {
          tags: ['reactions'],
          summary: "Reaction counts of a story and the caller's own vote",
          description: 'Never cached (private, no-store): pages call it on load so cached HTML shows fresh counts.',
          params: SlugParams,
          response: { 200: ReactionStateBody, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const article = await findVotableArticle(deps, request.params.slug);
        const state = await reactionState(deps, { articleId: article.id, readerId: readerIdOf(request) });
        return answer(reply, article.slug, state);
      },
    );

    app.put(
      '/api/v1/articles/:slug/reactions',
      {
        schema: {
          tags: ['reactions'],
          summary: "Set the caller's reaction (first vote sets the onset_reader cookie)",
          params: SlugParams,
          body: Type.Object({ reaction: Type.String({ minLength: 1, maxLength: 40, description: `One of: ${keys}` }) }),
          response: { 200: ReactionStateBody, ...errors },
        },
      },
      async (request, reply) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const article = await findVotableArticle(deps, request.params.slug);
        const state = await vote(request, reply, article.id, request.body.reaction);
        return answer(reply, article.slug, state);
      },
    );

    app.delete(
      '/api/v1/articles/:slug/reactions',
      {
        schema: {
          tags: ['reactions'],
          summary: "Withdraw the caller's reaction",
          params: SlugParams,
          response: { 200: ReactionStateBody, ...errors },
        },
      },
      async (request, reply) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const article = await findVotableArticle(deps, request.params.slug);
        const state = await vote(request, reply, article.id, null);
        return answer(reply, article.slug, state);
      },
    );

    // The no-JavaScript path: the widget's buttons post here; the answer sends the reader back.
    app.post(
      '/articles/:slug/reactions',
      {
        schema: {
          hide: true,
          params: SlugParams,
          body: Type.Object({ reaction: Type.Optional(Type.String({ maxLength: 40 })), withdraw: Type.Optional(Type.String({ maxLength: 40 })) }),
        },
      },
      async (request, reply) => {
        assertSameOrigin(request, ctx.site.publicUrl);
        const article = await findVotableArticle(deps, request.params.slug);
        const { reaction, withdraw } = request.body;
        if (reaction) {
          await vote(request, reply, article.id, reaction);
        } else if (withdraw) {
          // Withdraw only the choice the page showed: after a switch in another tab, an old page's
          // button must not remove the newer choice.
          const readerId = readerIdOf(request);
          const current = readerId ? (await reactionState(deps, { articleId: article.id, readerId })).myVote : null;
          if (current === withdraw) await vote(request, reply, article.id, null);
        } else {
          throw new DomainError('Choose a reaction.', 400, 'reaction');
        }
        return reply.redirect(`/articles/${article.slug}#reactions`, 303);
      },
    );

    await app.register(reactionsStaffRoutes(ctx));
  };
}
