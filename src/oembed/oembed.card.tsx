import { renderToString } from 'preact-render-to-string';

/**
 * The HTML another site embeds for a story: a blockquote with a link, no script, no iframe, styled
 * inline so it looks the same on any page. Built with JSX, so every text and URL is escaped.
 */
export function storyCardHtml(card: { url: string; headline: string; dek: string; section: string; author: string | null; siteName: string; siteUrl: string; width: number }): string {
  return renderToString(
    <blockquote class="onset-embed" cite={card.url} style={`margin:0;max-width:${card.width}px;box-sizing:border-box;padding:12px 16px;border-left:4px solid #d6246e;background:#fff;color:#16161a;font:15px/1.45 system-ui,sans-serif`}>
      <p style="margin:0 0 6px;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;color:#b01d5a">{card.section}</p>
      <p style="margin:0 0 6px;font-size:17px;font-weight:700">
        <a href={card.url} style="color:inherit">{card.headline}</a>
      </p>
      {card.dek ? <p style="margin:0 0 8px">{card.dek}</p> : null}
      <p style="margin:0;font-size:13px;color:#55555f">
        {card.author ? `${card.author} · ` : ''}
        <a href={card.siteUrl} style="color:inherit">{card.siteName}</a>
      </p>
    </blockquote>,
  );
}
