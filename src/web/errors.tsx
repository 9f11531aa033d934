import type { JSX } from 'preact';
import { renderPage } from './layout.js';
import type { Site } from './site.js';

const COPY: Record<number, { title: string; text: string }> = {
  404: { title: 'Page not found', text: 'This page does not exist, or the story has moved. Try the latest stories instead.' },
  429: { title: 'Slow down a little', text: 'Too many requests came from your connection in a short time. Please wait a minute and try again.' },
  500: { title: 'Something went wrong', text: 'The page could not be shown because of an error on our side. It has been logged; please try again shortly.' },
};

export function renderErrorPage(site: Site, statusCode: number, message?: string, path = '/'): string {
  const copy = COPY[statusCode] ?? { title: 'Request not accepted', text: message ?? 'The request could not be handled.' };
  const body: JSX.Element = (
    <div class="error-page">
      <div class="code">{statusCode}</div>
      <h1>{copy.title}</h1>
      <p>{statusCode >= 500 || !message ? copy.text : message}</p>
      <p>
        <a class="button" href="/">
          Go to the front page
        </a>
      </p>
    </div>
  );
  return renderPage(site, { title: copy.title, path, noindex: true }, body);
}
