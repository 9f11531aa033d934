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
  ScheduleSlotTable,
} from '../catalog/catalog.table.js';

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
  article_people: ArticlePersonTable;
  article_dramas: ArticleDramaTable;
  article_roles: ArticleRoleTable;
}
