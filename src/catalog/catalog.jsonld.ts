// schema.org JSON-LD of the entity pages. Serialized by the layout (src/web/raw.tsx jsonLdText).
import { absoluteUrl, breadcrumbJsonLd } from '../web/structured-data.js';
import type { Site } from '../web/site.js';
import { safeImageUrl } from './views/picture.js';

/** An absolute image URL, or undefined for one a page would not show (javascript:, data:, ...). */
const imageOf = (site: Site, url: string | null) => {
  const safe = safeImageUrl(url);
  return safe ? absoluteUrl(site, safe) : undefined;
};

/** A person's page: Person, with the Hangul name and other spellings as alternate names. */
export function personJsonLd(
  site: Site,
  person: { slug: string; display_name: string; family_name: string; given_name: string; hangul_name: string | null; birth_date: string | null; photo_url: string | null; bio: string },
  aliases: string[],
) {
  const alternateName = [...new Set([...(person.hangul_name ? [person.hangul_name] : []), ...aliases])];
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.display_name,
    familyName: person.family_name,
    givenName: person.given_name,
    alternateName,
    ...(person.birth_date ? { birthDate: person.birth_date } : {}),
    ...(imageOf(site, person.photo_url) ? { image: imageOf(site, person.photo_url) } : {}),
    ...(person.bio ? { description: person.bio } : {}),
    url: `${site.publicUrl}/people/${person.slug}`,
  };
}

/**
 * A drama's page: TVSeries. Each cast member is a PerformanceRole (schema.org's way to say who
 * played whom: `actor` and `characterName`), and each role is also a `character`, a fictional
 * Person of the work, as in schema.org's own TVSeries examples.
 */
export function tvSeriesJsonLd(
  site: Site,
  drama: {
    slug: string; title: string; native_title: string | null; country: string; episodes: number | null; genres: string; synopsis: string;
    poster_url: string | null; first_air_date: string | null; last_air_date: string | null; source_title: string | null; source_type: string | null; source_creator: string | null;
  },
  cast: { display_name: string; hangul_name?: string | null; person_slug: string; character_name: string }[],
) {
  const genres = drama.genres.split(',').map((g) => g.trim()).filter(Boolean);
  return {
    '@context': 'https://schema.org',
    '@type': 'TVSeries',
    name: drama.title,
    ...(drama.native_title ? { alternateName: drama.native_title } : {}),
    ...(drama.synopsis ? { description: drama.synopsis } : {}),
    ...(imageOf(site, drama.poster_url) ? { image: imageOf(site, drama.poster_url) } : {}),
    ...(genres.length ? { genre: genres } : {}),
    countryOfOrigin: { '@type': 'Country', name: drama.country },
    ...(drama.episodes ? { numberOfEpisodes: drama.episodes } : {}),
    ...(drama.first_air_date ? { startDate: drama.first_air_date } : {}),
    ...(drama.last_air_date ? { endDate: drama.last_air_date } : {}),
    ...(drama.source_title
      ? { isBasedOn: { '@type': 'CreativeWork', name: drama.source_title, ...(drama.source_type ? { genre: drama.source_type } : {}), ...(drama.source_creator ? { author: { '@type': 'Person', name: drama.source_creator } } : {}) } }
      : {}),
    url: `${site.publicUrl}/dramas/${drama.slug}`,
    actor: cast.map((c) => ({
      '@type': 'PerformanceRole',
      actor: { '@type': 'Person', name: c.display_name, ...(c.hangul_name ? { alternateName: c.hangul_name } : {}), url: `${site.publicUrl}/people/${c.person_slug}` },
      characterName: c.character_name,
    })),
    character: cast.map((c) => ({ '@type': 'Person', name: c.character_name })),
  };
}

/** Home › the person or drama (there is no index page of either to stand between). */
export function entityBreadcrumbJsonLd(site: Site, name: string, path: string) {
  return breadcrumbJsonLd(site, [{ name: 'Home', path: '/' }, { name, path }]);
}
