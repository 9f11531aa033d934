import type { Generated, Selectable, Insertable } from 'kysely';

export const ROLE_BILLINGS = ['main', 'supporting', 'cameo'] as const;
export type RoleBilling = (typeof ROLE_BILLINGS)[number];

export interface NetworkTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** IANA zone its air times are given in, e.g. Asia/Seoul. */
  time_zone: string;
  country: string;
}

export interface PersonTable {
  id: Generated<number>;
  slug: string;
  /** Name as the site prints it: family name first for Korean people, e.g. "Han So Hee". */
  display_name: string;
  family_name: string;
  given_name: string;
  /** Name in Hangul, e.g. 한소희. */
  hangul_name: string | null;
  /** ISO date. */
  birth_date: string | null;
  /** As the person uses them, e.g. "she/her"; used by the editorial linter. */
  pronouns: string | null;
  photo_url: string | null;
  bio: string;
  created_at: string;
  updated_at: string;
}

export interface PersonAliasTable {
  id: Generated<number>;
  person_id: number;
  /** Another spelling: a romanization variant (Han So-hee) or a fan spelling. */
  alias: string;
}

export interface DramaTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Title in Korean, e.g. 알고있지만. */
  native_title: string | null;
  network_id: number | null;
  country: string;
  year: number | null;
  episodes: number | null;
  runtime_minutes: number | null;
  /** Comma-separated genres. */
  genres: string;
  synopsis: string;
  /** The work it is based on, e.g. the webtoon of the same name. */
  source_title: string | null;
  source_type: string | null;
  source_creator: string | null;
  poster_url: string | null;
  /** ISO dates in the network's zone. */
  first_air_date: string | null;
  last_air_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface DramaAliasTable {
  id: Generated<number>;
  drama_id: number;
  alias: string;
}

export interface DramaPlatformTable {
  id: Generated<number>;
  drama_id: number;
  /** Service name, e.g. Netflix. */
  platform: string;
  /** "Watch" link. */
  url: string;
}

export interface RoleTable {
  id: Generated<number>;
  person_id: number;
  drama_id: number;
  character_name: string;
  billing: RoleBilling;
  /** 1 for the top-billed; cast lists sort by it. */
  billing_order: number;
}

export interface RoleAliasTable {
  id: Generated<number>;
  role_id: number;
  /** Another spelling of the character name, e.g. Park Jae Uhn. */
  alias: string;
}

export interface ScheduleSlotTable {
  id: Generated<number>;
  drama_id: number;
  /** ISO weekday, 1 = Monday ... 7 = Sunday, in the network's zone. */
  weekday: number;
  /** "HH:MM" in the network's zone. */
  local_time: string;
}

export interface ScheduleBreakTable {
  id: Generated<number>;
  drama_id: number;
  /** ISO date, in the network's zone, of the slot that does not air. */
  air_date: string;
  reason: string;
}

export interface ScheduleSpecialTable {
  id: Generated<number>;
  drama_id: number;
  /** ISO date and "HH:MM" in the network's zone of a broadcast outside the weekly slots. */
  air_date: string;
  local_time: string;
  /** Shown with the episode, e.g. "Special episode"; may be empty. */
  title: string;
}

export interface ArticlePersonTable {
  article_id: number;
  person_id: number;
}
export interface ArticleDramaTable {
  article_id: number;
  drama_id: number;
}
export interface ArticleRoleTable {
  article_id: number;
  role_id: number;
}

export type NetworkRow = Selectable<NetworkTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type DramaRow = Selectable<DramaTable>;
export type RoleRow = Selectable<RoleTable>;
