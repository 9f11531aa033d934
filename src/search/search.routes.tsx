import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.js';
import { renderPage } from '../web/layout.js';
import { ErrorBody } from '../articles/articles.routes.js';
import { lexiconFor, search, type SearchResults, type StoryFilters } from './search.service.js';
import { snippetHtml } from './snippet.js';
import { SearchView } from './views/search.js';

const Kind = Type.Union([Type.Literal('news'), Type.Literal('watch'), Type.Literal('feature')]);
const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 500, description: 'Words, names in any order, romanization or Hangul' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  kind: Type.Optional(Kind),
  drama: Type.Optional(Type.String({ maxLength: 200, description: 'Only stories about this drama (slug)' })),
  person: Type.Optional(Type.String({ maxLength: 200, description: 'Only stories about this person (slug)' })),
  from: Type.Optional(Type.String({ maxLength: 10, description: 'Published on or after (YYYY-MM-DD, UTC)' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: 'Published on or before (YYYY-MM-DD, UTC)' })),
});
// The HTML form sends empty fields for unused filters; those mean "any".
const HtmlQuerystring = Type.Object({ ...SearchQuerystring.properties, kind: Type.Optional(Type.Union([Kind, Type.Literal('')])) });

const Entity = Type.Object({ slug: Type.String(), name: Type.String(), nativeName: Type.Union([Type.String(), Type.Null()]), match: Type.String(), url: Type.String() });
const SearchResponse = Type.Object({
  query: Type.String(),
  didYouMean: Type.Union([Type.String(), Type.Null()]),
  people: Type.Array(Entity),
  dramas: Type.Array(Entity),
  stories: Type.Object({
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    hasNext: Type.Boolean(),
    items: Type.Array(Type.Object({
      slug: Type.String(),
      kind: Kind,
      headline: Type.String(),
      dek: Type.String(),
      url: Type.String(),
      publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      author: Type.Union([Type.String(), Type.Null()]),
      score: Type.Number(),
      snippet: Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() }), { description: 'Text parts; marked parts matched the query' }),
      snippetHtml: Type.String({ description: 'The snippet as HTML: escaped text, matches in <mark>' }),
    })),
  }),
});

function filtersOf(query: { kind?: string | undefined; drama?: string | undefined; person?: string | undefined; from?: string | undefined; to?: string | undefined }): StoryFilters {
  return {
    kind: query.kind === 'news' || query.kind === 'watch' || query.kind === 'feature' ? query.kind : undefined,
    drama: query.drama || undefined,
    person: query.person || undefined,
    from: query.from || undefined,
    to: query.to || undefined,
  };
}

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const run = async (q: string, page: number, filters: StoryFilters): Promise<SearchResults> =>
      search({ q, page }, filters, { db: ctx.db, now: ctx.clock(), lexicon: await lexiconFor(await ctx.names.get(), ctx.db.kysely) });

    app.get('/search', { schema: { hide: true, querystring: HtmlQuerystring } }, async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const filters = filtersOf(request.query);
      const results = q ? await run(q, request.query.page ?? 1, filters) : undefined;
      const html = renderPage(
        ctx.site,
        // Result pages are not worth indexing; the page itself is one canonical URL.
        { title: q ? `Search: ${q}` : 'Search', path: '/search', section: 'search', noindex: Boolean(q), description: 'Search Onset stories, people and dramas.' },
        <SearchView results={results} q={q} filters={filters} />,
      );
      return reply.type('text/html; charset=utf-8').send(html);
    });

    app.get(
      '/api/v1/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Stories, people and dramas matching a query, with snippets and "did you mean"',
          querystring: Type.Object({ ...SearchQuerystring.properties, q: Type.String({ minLength: 1, maxLength: 500 }) }),
          response: { 200: SearchResponse, 400: ErrorBody },
        },
      },
      async (request): Promise<Static<typeof SearchResponse>> => {
        const r = await run(request.query.q, request.query.page ?? 1, filtersOf(request.query));
        const entity = (e: SearchResults['people'][number]) => ({ slug: e.slug, name: e.name, nativeName: e.nativeName, match: e.how, url: `${ctx.site.publicUrl}/${e.type === 'person' ? 'people' : 'dramas'}/${e.slug}` });
        return {
          query: r.query,
          didYouMean: r.didYouMean,
          people: r.people.map(entity),
          dramas: r.dramas.map(entity),
          stories: {
            total: r.stories.total, page: r.stories.page, pageSize: r.stories.pageSize, hasNext: r.stories.hasNext,
            items: r.stories.items.map((s) => ({
              slug: s.slug, kind: s.kind as Static<typeof Kind>, headline: s.headline, dek: s.dek, url: `${ctx.site.publicUrl}/articles/${s.slug}`,
              publishedAt: s.published_at, author: s.author_name, score: s.score, snippet: s.snippet, snippetHtml: snippetHtml(s.snippet),
            })),
          },
        };
      },
    );
  };
}
