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
import type { SearchDocumentTable, SearchTermTable } from '../search/search.table.js';
import type { ArticleOwnerTable, ArticleRevisionTable, ArticleSlugHistoryTable, EditorialLogTable, LoginThrottleTable, PasswordResetTable, PersonRedirectTable, StaffSessionTable, StaffUserTable } from '../newsroom/newsroom.table.js';
import type { ArticleVideoTable, ImageTable, VideoSubtitleTable, VideoTable } from '../media/media.table.js';

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
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  login_throttle: LoginThrottleTable;
  password_resets: PasswordResetTable;
  article_owners: ArticleOwnerTable;
  article_slug_history: ArticleSlugHistoryTable;
  person_redirects: PersonRedirectTable;
  article_revisions: ArticleRevisionTable;
  editorial_log: EditorialLogTable;
  search_documents: SearchDocumentTable;
  search_terms: SearchTermTable;
  media_videos: VideoTable;
  media_video_subtitles: VideoSubtitleTable;
  article_videos: ArticleVideoTable;
  media_images: ImageTable;
}
