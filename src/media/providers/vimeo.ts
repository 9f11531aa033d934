import type { VideoProvider } from './provider.js';

// dnt=1 asks Vimeo's player not to track the session or set cookies.
export const vimeo: VideoProvider = {
  name: 'vimeo',
  label: 'Vimeo',
  isValidId: (id) => /^\d{1,12}$/.test(id),
  embedUrl: (id) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`,
  watchUrl: (id) => `https://vimeo.com/${id}`,
  embedOrigin: 'https://player.vimeo.com',
};
