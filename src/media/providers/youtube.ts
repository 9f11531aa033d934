import type { VideoProvider } from './provider.js';

// youtube-nocookie.com is YouTube's privacy-enhanced mode: no cookies until the reader plays.
export const youtube: VideoProvider = {
  name: 'youtube',
  label: 'YouTube',
  isValidId: (id) => /^[A-Za-z0-9_-]{11}$/.test(id),
  embedUrl: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`,
  watchUrl: (id) => `https://www.youtube.com/watch?v=${id}`,
  embedOrigin: 'https://www.youtube-nocookie.com',
};
