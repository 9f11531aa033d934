import type { VideoProvider } from './provider.js';
import { youtube } from './youtube.js';
import { vimeo } from './vimeo.js';

export type { VideoProvider } from './provider.js';

/** Third-party video hosts by name. Self-hosted video ("self") is not a provider: we are the host. */
export const VIDEO_PROVIDERS: ReadonlyMap<string, VideoProvider> = new Map([youtube, vimeo].map((p) => [p.name, p]));

export function providerNamed(name: string): VideoProvider | undefined {
  return VIDEO_PROVIDERS.get(name);
}
