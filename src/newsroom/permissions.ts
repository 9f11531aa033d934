// Who may do what in the newsroom: the one table that the route guard checks and the views read
// to hide buttons a user may not press. Change a right here and both follow.

export const ROLES = ['admin', 'editor', 'writer', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Open the newsroom at all (dashboard). */
  'newsroom.view': ['admin', 'editor', 'writer', 'moderator'],
  /** List stories and open the editor. */
  'articles.view': ['admin', 'editor', 'writer'],
  /** Start a story; a writer then edits it while it is a draft. */
  'articles.create': ['admin', 'editor', 'writer'],
  /** Edit any story, whoever started it, in any status. */
  'articles.edit.any': ['admin', 'editor'],
  /** Publish, schedule and unpublish. */
  'articles.publish': ['admin', 'editor'],
  /** People, dramas, roles, networks, schedules; merging people. */
  'kb.edit': ['admin', 'editor'],
  /** The comment and reaction moderation pages and APIs (also open to the ADMIN_TOKEN). */
  'moderation': ['admin', 'editor', 'moderator'],
  /** Staff accounts and site settings. */
  'staff.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** A writer edits only the drafts they started; editors and admins edit any story. */
export function canEditArticle(user: { id: number; role: Role }, article: { ownerId: number | null; status: string }): boolean {
  if (can(user.role, 'articles.edit.any')) return true;
  return can(user.role, 'articles.create') && article.ownerId === user.id && article.status === 'draft';
}
