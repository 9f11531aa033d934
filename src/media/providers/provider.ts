/** One video host. Adding a host is one module like youtube.ts, listed in index.ts. */
export interface VideoProvider {
  /** Stored in media_videos.provider. */
  name: string;
  /** Shown beside the play button: "YouTube". */
  label: string;
  /** True when the id has the provider's shape; anything else is refused before it reaches a URL. */
  isValidId(id: string): boolean;
  /** The player URL loaded after the reader's click, with autoplay and the host's privacy mode. */
  embedUrl(id: string): string;
  /** The video's page on the host: the link a reader without JavaScript follows. */
  watchUrl(id: string): string;
  /** Origin of embedUrl; the facade island only loads players from these origins. */
  embedOrigin: string;
}
