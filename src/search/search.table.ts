/** What is searchable about one story; the engines' full-text indexes are built over it. */
export interface SearchDocumentTable {
  /** The story (one row per article, drafts included; readers' queries filter by status). */
  article_id: number;
  headline: string;
  dek: string;
  /** The body as plain text (Markdown removed), for matching and snippets. */
  body_text: string;
  indexed_at: string;
}

/** Words seen in headlines, deks and entity names: what "did you mean" corrects towards. */
export interface SearchTermTable {
  term: string;
}
