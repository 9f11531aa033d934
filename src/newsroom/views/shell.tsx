import type { ComponentChildren } from 'preact';
import type { StaffPrincipal } from '../auth/accounts.service.js';
import { CSRF_FIELD } from '../auth/session.js';
import { can, type Permission } from '../permissions.js';

const LINKS: { href: string; label: string; permission: Permission }[] = [
  { href: '/newsroom', label: 'Dashboard', permission: 'newsroom.view' },
  { href: '/newsroom/articles', label: 'Stories', permission: 'articles.view' },
  { href: '/newsroom/articles/new', label: 'New story', permission: 'articles.create' },
  { href: '/newsroom/people', label: 'People', permission: 'kb.edit' },
  { href: '/newsroom/dramas', label: 'Dramas', permission: 'kb.edit' },
  { href: '/moderation/comments', label: 'Comments', permission: 'moderation' },
  { href: '/moderation/reactions', label: 'Reactions', permission: 'moderation' },
  { href: '/newsroom/staff', label: 'Staff', permission: 'staff.manage' },
];

/** The newsroom frame: a nav of what this user may open (from the permission table), then the page. */
export function NewsroomShell(props: { user: StaffPrincipal; current: string; children: ComponentChildren }) {
  return (
    <div class="nr">
      <nav class="nr-nav" aria-label="Newsroom">
        {LINKS.filter((l) => can(props.user.role, l.permission)).map((l) => (
          <a href={l.href} aria-current={props.current === l.href ? 'page' : undefined}>
            {l.label}
          </a>
        ))}
        <form method="post" action="/newsroom/logout" class="nr-logout">
          <input type="hidden" name={CSRF_FIELD} value={props.user.csrfToken} />
          <span class="nr-who">
            {props.user.name} · {props.user.role}
          </span>
          <button type="submit" class="nr-link-button">Sign out</button>
        </form>
      </nav>
      {props.children}
    </div>
  );
}

export function Csrf(props: { user: StaffPrincipal }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.user.csrfToken} />;
}
