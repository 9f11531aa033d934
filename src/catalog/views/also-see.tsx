import type { JSX } from 'preact';
import type { AlsoSeeItem } from '../also-see.service.js';
import { EntityPicture } from './picture.js';

/** "Song Kang", "Song Kang and Han So Hee", "A, B and C", each name in bold. */
function Names(props: { names: string[] }): JSX.Element {
  const { names } = props;
  return (
    <>
      {names.map((name, i) => (
        <>
          {i === 0 ? '' : i === names.length - 1 ? ' and ' : ', '}
          <strong>{name}</strong>
        </>
      ))}
    </>
  );
}

/**
 * "Also see Song Kang in *When the Devil Calls Your Name*", one line per drama, each with a
 * "Look now" link to the drama's page. The drama page, not the streaming service: it is ours,
 * always there (not every drama streams, and watch links break or differ by region), and it
 * lists every service anyway.
 */
export function AlsoSeeBox(props: { items: AlsoSeeItem[] }): JSX.Element | null {
  if (props.items.length === 0) return null;
  return (
    <section class="also-see" aria-labelledby="also-see-heading">
      <h2 id="also-see-heading">More with this cast</h2>
      <ul>
        {props.items.map((item) => {
          const d = item.drama;
          const roles = item.people.map((p) => (item.people.length > 1 ? `${p.name} as ${p.character}` : `as ${p.character}`));
          const facts = [roles.join(', '), d.networkName, d.year ? String(d.year) : null, item.watch && item.watch.platform !== d.networkName ? `on ${item.watch.platform}` : null].filter(Boolean);
          return (
            <li class="also-see-item" data-drama={d.dramaSlug}>
              <EntityPicture class="also-see-poster" url={d.posterUrl} alt="" initial={(d.nativeTitle ?? d.dramaTitle).slice(0, 1)} width={48} height={64} />
              <p>
                Also see <Names names={item.people.map((p) => p.name)} /> in <em>{d.dramaTitle}</em>
                <span class="sub">{facts.join(' · ')}</span>
              </p>
              {/* Five "Look now" links read alike in a screen reader's list of links; the label says which. */}
              <a class="look-now" href={`/dramas/${d.dramaSlug}`} aria-label={`Look now: ${d.dramaTitle}`}>
                Look now
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
