// Click-to-load video: the server renders our poster as a link to the provider's page. Here the
// play button is shown, and only a click (or Enter/Space on the button) puts the provider's
// player in the page. Until then nothing is requested from the provider.

// Players are only ever loaded from these origins, whatever the markup says.
const ALLOWED_EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

function allowedEmbed(src: string | undefined): string | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src);
    return ALLOWED_EMBED_ORIGINS.includes(url.origin) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function load(figure: HTMLElement, src: string): void {
  const frame = figure.querySelector<HTMLElement>('.video-frame');
  if (!frame) return;
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.title = figure.dataset.videoTitle ?? 'Video';
  iframe.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = 'strict-origin-when-cross-origin';
  iframe.className = 'video-player';
  frame.replaceChildren(iframe);
  figure.classList.add('video-playing');
  iframe.focus();
}

export function enhanceVideoFacades(root: ParentNode): void {
  for (const figure of root.querySelectorAll<HTMLElement>('[data-video-facade]')) {
    const src = allowedEmbed(figure.dataset.embedSrc);
    const button = figure.querySelector<HTMLButtonElement>('.video-play');
    const link = figure.querySelector<HTMLAnchorElement>('.video-link');
    if (!src || !button || !link) continue;
    figure.classList.add('video-ready');
    // One control for keyboard users: the button. The poster link stays for mouse clicks.
    link.tabIndex = -1;
    link.setAttribute('aria-hidden', 'true');
    button.addEventListener('click', () => load(figure, src));
    link.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      load(figure, src);
    });
  }
}
