import type { ArticleTable, ArticleTagTable, AuthorTable, TagTable } from '../articles/articles.table.js';
import type {
  ArticleDramaTable,
  ArticlePersonTable,
  ArticleRoleTable,
  DramaAliasTable,
  DramaPlatformTable,
  DramaTable,
  NetworkTable,
  PersonAliasTable,
  PersonTable,
  RoleAliasTable,
  RoleTable,
  ScheduleBreakTable,
  ScheduleSpecialTable,
  ScheduleSlotTable,
} from '../catalog/catalog.table.js';
import type { AlsoSeeOverrideTable } from '../catalog/also-see.table.js';
import type { MentionReportTable } from '../catalog/mention-reports.table.js';
import type { ReactionTable, ReactionTotalTable } from '../reactions/reactions.table.js';
import type { CommentModerationLogTable, CommentReportTable, CommentSettingTable, CommentTable } from '../comments/comments.table.js';

/** Every table, as Kysely sees it. Each domain folder owns the types of its tables. */
export interface Database {
  authors: AuthorTable;
  articles: ArticleTable;
  tags: TagTable;
  article_tags: ArticleTagTable;
  networks: NetworkTable;
  people: PersonTable;
  person_aliases: PersonAliasTable;
  dramas: DramaTable;
  drama_aliases: DramaAliasTable;
  drama_platforms: DramaPlatformTable;
  roles: RoleTable;
  role_aliases: RoleAliasTable;
  schedule_slots: ScheduleSlotTable;
  schedule_breaks: ScheduleBreakTable;
  schedule_specials: ScheduleSpecialTable;
  article_people: ArticlePersonTable;
  article_dramas: ArticleDramaTable;
  article_roles: ArticleRoleTable;
  also_see_overrides: AlsoSeeOverrideTable;
  mention_reports: MentionReportTable;
  reactions: ReactionTable;
  reaction_totals: ReactionTotalTable;
  comments: CommentTable;
  comment_settings: CommentSettingTable;
  comment_reports: CommentReportTable;
  comment_moderation_log: CommentModerationLogTable;
}
