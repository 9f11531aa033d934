import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export const ARTICLE_KINDS = ['news', 'watch', 'feature'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
export const ARTICLE_STATUSES = ['draft', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export interface AuthorTable {
  id: Generated<number>;
  /** URL name, e.g. `mina-park`. */
  slug: string;
  /** Byline as printed. */
  name: string;
  /** One or two sentences for the author box. */
  bio: string;
  created_at: string;
}

export interface ArticleTable {
  id: Generated<number>;
  /** Unique, stable once published. */
  slug: string;
  kind: ArticleKind;
  headline: string;
  /** The standfirst under the headline. */
  dek: string;
  /** Markdown source of the story. */
  body: string;
  status: ArticleStatus;
  /** When it went (or goes, if scheduled) live; ISO 8601 UTC. */
  published_at: string | null;
  author_id: number | null;
  /** URL of the lead image, when there is one. */
  lead_image_url: string | null;
  lead_image_alt: string | null;
  /** 1 when readers may comment. */
  comments_open: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
}

export type AuthorRow = Selectable<AuthorTable>;
export type ArticleRow = Selectable<ArticleTable>;
export type NewArticle = Insertable<ArticleTable>;
export type ArticleUpdate = Updateable<ArticleTable>;
export type TagRow = Selectable<TagTable>;
