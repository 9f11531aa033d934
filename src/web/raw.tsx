// The one audited way to put HTML that was not built by JSX into a page. Everything else that
// reaches a page goes through JSX, which escapes text and attribute values by default.
//
// Callers: sanitized Markdown (src/articles/markdown.ts), JSON-LD (below), comment bodies and
// avatars built from escaped parts (src/comments/format.ts, identicon.ts), and the comment thread
// as rendered by JSX and kept (src/comments/views/comment-section.tsx). Any new caller must
// pass HTML that it sanitized or built itself from escaped parts, and say so where it calls.
import type { JSX } from 'preact';

/** Markup that has been sanitized or assembled from escaped parts. */
export interface TrustedHtml {
  readonly __trusted: string;
}

/** Marks a string as trusted HTML; only for the callers listed above. */
export function trustHtml(html: string): TrustedHtml {
  return { __trusted: html };
}

export function RawHtml(props: { html: TrustedHtml; as?: 'div' | 'section' | 'ol'; class?: string; data?: Record<`data-${string}`, string | boolean> }): JSX.Element {
  const Tag = props.as ?? 'div';
  return <Tag class={props.class} {...props.data} dangerouslySetInnerHTML={{ __html: props.html.__trusted }} />;
}

/**
 * Serializes JSON-LD so that no value can close the script element or open a comment:
 * `<`, `>` and `&` become \u escapes, and so do the line separators that break old parsers.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function JsonLd(props: { data: unknown }): JSX.Element {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(props.data) }} />;
}
