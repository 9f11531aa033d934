/**
 * An image address safe to put in src: http(s) or a path on this site. Anything else
 * (javascript:, data:, protocol-relative //host) gives null, and the caller shows its placeholder.
 */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(u) || /^\/(?!\/)[^\s]*$/.test(u) ? u : null;
}
