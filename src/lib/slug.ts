/**
 * Slug of a display name: lowercase ASCII words joined by hyphens, e.g. Han So Hee -> han-so-hee.
 * Letters with accents lose them; anything else separates words. Empty when nothing ASCII is left.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}
