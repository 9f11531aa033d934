// The demo content: facts (names, dates, networks, air times) are public; every sentence of the
// stories and bios was written for Onset.
import type { ArticleKind } from '../articles/articles.table.js';
import type { RoleBilling } from '../catalog/catalog.table.js';

export interface DemoNetwork { slug: string; name: string; timeZone: string; country: string }
export interface DemoPerson {
  slug: string; displayName: string; familyName: string; givenName: string; hangulName: string | null;
  birthDate: string | null; pronouns: string | null; bio: string; aliases: string[];
}
export interface DemoRole { person: string; character: string; billing: RoleBilling; order: number; aliases?: string[] }
export interface DemoDrama {
  slug: string; title: string; nativeTitle: string; network: string; year: number; episodes: number;
  runtimeMinutes: number; genres: string[]; synopsis: string; aliases: string[];
  source: { title: string; type: string; creator: string } | null;
  firstAirDate: string; lastAirDate: string;
  slots: { weekday: number; time: string }[];
  platforms: { platform: string; url: string }[];
  cast: DemoRole[];
}
export interface DemoAuthor { slug: string; name: string; bio: string }
export interface DemoArticle {
  slug: string; kind: ArticleKind; headline: string; dek: string; body: string; author: string;
  /** Hours before the seed time that the story was published. */
  hoursAgo: number; tags: string[];
}

export const demoNetworks: DemoNetwork[] = [
  { slug: 'jtbc', name: 'JTBC', timeZone: 'Asia/Seoul', country: 'KR' },
  { slug: 'tvn', name: 'tvN', timeZone: 'Asia/Seoul', country: 'KR' },
  { slug: 'netflix', name: 'Netflix', timeZone: 'Asia/Seoul', country: 'KR' },
];

export const demoPeople: DemoPerson[] = [
  { slug: 'han-so-hee', displayName: 'Han So Hee', familyName: 'Han', givenName: 'So Hee', hangulName: '한소희', birthDate: '1994-11-18', pronouns: 'she/her',
    bio: 'Actress who moved from commercials and music videos to leading roles, remembered for playing an art student torn between caution and curiosity in Nevertheless.',
    aliases: ['Han So-hee', 'Han Sohee'] },
  { slug: 'song-kang', displayName: 'Song Kang', familyName: 'Song', givenName: 'Kang', hangulName: '송강', birthDate: '1994-04-23', pronouns: 'he/him',
    bio: 'Actor known for a run of webtoon adaptations, from a teen romance to a monster thriller, before playing the charming sculptor of Nevertheless.',
    aliases: ['Song Gang'] },
  { slug: 'yang-hye-ji', displayName: 'Yang Hye Ji', familyName: 'Yang', givenName: 'Hye Ji', hangulName: '양혜지', birthDate: null, pronouns: 'she/her',
    bio: 'Actress who played the outspoken best friend of the heroine in Nevertheless.', aliases: ['Yang Hye-ji'] },
  { slug: 'kim-min-gwi', displayName: 'Kim Min Gwi', familyName: 'Kim', givenName: 'Min Gwi', hangulName: '김민귀', birthDate: null, pronouns: 'he/him',
    bio: 'Actor who played the ex-boyfriend whose return stirs up trouble in Nevertheless.', aliases: ['Kim Min-gwi'] },
  { slug: 'lee-tae-hee', displayName: 'Lee Tae Hee', familyName: 'Lee', givenName: 'Tae Hee', hangulName: null, birthDate: null, pronouns: null,
    bio: 'Member of the ensemble cast of Nevertheless.', aliases: ['Lee Tae-hee'] },
  { slug: 'lee-ho-jung', displayName: 'Lee Ho Jung', familyName: 'Lee', givenName: 'Ho Jung', hangulName: '이호정', birthDate: null, pronouns: 'she/her',
    bio: 'Model and actress who played a fellow art student with a shared past in Nevertheless.', aliases: ['Lee Ho-jung'] },
  { slug: 'yoon-seo-a', displayName: 'Yoon Seo A', familyName: 'Yoon', givenName: 'Seo A', hangulName: '윤서아', birthDate: null, pronouns: 'she/her',
    bio: 'Actress who played a classmate of the heroine in Nevertheless.', aliases: ['Yoon Seo-ah', 'Yoon Seo Ah'] },
];

export const demoDramas: DemoDrama[] = [
  {
    slug: 'nevertheless', title: 'Nevertheless', nativeTitle: '알고있지만', network: 'jtbc', year: 2021, episodes: 10, runtimeMinutes: 60,
    genres: ['Romance', 'Drama'], aliases: [],
    synopsis: 'A sculpture student who has stopped believing in love meets a classmate who does not believe in dating, and both find their rules harder to keep than they thought.',
    source: { title: 'Nevertheless', type: 'webtoon', creator: 'Jung Seo' },
    firstAirDate: '2021-06-19', lastAirDate: '2021-08-21', slots: [{ weekday: 6, time: '23:00' }],
    platforms: [{ platform: 'Netflix', url: 'https://www.netflix.com/search?q=Nevertheless' }],
    cast: [
      { person: 'han-so-hee', character: 'Yoo Na Bi', billing: 'main', order: 1, aliases: ['Yu Na Bi'] },
      { person: 'song-kang', character: 'Park Jae Eon', billing: 'main', order: 2, aliases: ['Park Jae Uhn', 'Park Jae-eon'] },
      { person: 'yang-hye-ji', character: 'Oh Bit Na', billing: 'supporting', order: 3 },
      { person: 'kim-min-gwi', character: 'Yang Do Hyuk', billing: 'supporting', order: 4 },
      { person: 'lee-ho-jung', character: 'Yoon Seol Ah', billing: 'supporting', order: 5 },
      { person: 'yoon-seo-a', character: 'Seo Ji Wan', billing: 'supporting', order: 6 },
    ],
  },
  {
    slug: 'when-the-devil-calls-your-name', title: 'When the Devil Calls Your Name', nativeTitle: '악마가 너의 이름을 부를 때', network: 'tvn', year: 2019, episodes: 16, runtimeMinutes: 70,
    genres: ['Fantasy', 'Music', 'Drama'], aliases: [],
    synopsis: 'A songwriter who traded his soul for success has one decade to win it back, and the street singer he meets may be the key.',
    source: null, firstAirDate: '2019-07-31', lastAirDate: '2019-09-19', slots: [{ weekday: 3, time: '21:30' }, { weekday: 4, time: '21:30' }],
    platforms: [],
    cast: [{ person: 'song-kang', character: 'Luka', billing: 'supporting', order: 4 }],
  },
  {
    slug: 'love-alarm', title: 'Love Alarm', nativeTitle: '좋아하면 울리는', network: 'netflix', year: 2019, episodes: 8, runtimeMinutes: 45,
    genres: ['Romance', 'Science fiction'], aliases: [],
    synopsis: 'An app that rings when someone nearby likes you turns a high-school love triangle into something everyone can see.',
    source: { title: 'Love Alarm', type: 'webtoon', creator: 'Chon Kye Young' }, firstAirDate: '2019-08-22', lastAirDate: '2019-08-22', slots: [],
    platforms: [{ platform: 'Netflix', url: 'https://www.netflix.com/search?q=Love%20Alarm' }],
    cast: [{ person: 'song-kang', character: 'Hwang Sun Oh', billing: 'main', order: 2 }],
  },
  {
    slug: 'sweet-home', title: 'Sweet Home', nativeTitle: '스위트홈', network: 'netflix', year: 2020, episodes: 10, runtimeMinutes: 55,
    genres: ['Horror', 'Thriller'], aliases: [],
    synopsis: 'The residents of a run-down apartment block hold out together while the people outside turn into monsters shaped by their desires.',
    source: { title: 'Sweet Home', type: 'webtoon', creator: 'Kim Carnby and Hwang Young Chan' }, firstAirDate: '2020-12-18', lastAirDate: '2020-12-18', slots: [],
    platforms: [{ platform: 'Netflix', url: 'https://www.netflix.com/search?q=Sweet%20Home' }],
    cast: [{ person: 'song-kang', character: 'Cha Hyun Su', billing: 'main', order: 1 }],
  },
  {
    slug: 'my-name', title: 'My Name', nativeTitle: '마이 네임', network: 'netflix', year: 2021, episodes: 8, runtimeMinutes: 50,
    genres: ['Action', 'Crime'], aliases: [],
    synopsis: 'To find who killed her father, a young woman joins a drug ring and is sent undercover into the police.',
    source: null, firstAirDate: '2021-10-15', lastAirDate: '2021-10-15', slots: [],
    platforms: [{ platform: 'Netflix', url: 'https://www.netflix.com/search?q=My%20Name' }],
    cast: [{ person: 'han-so-hee', character: 'Yoon Ji Woo', billing: 'main', order: 1 }],
  },
  {
    slug: 'the-world-of-the-married', title: 'The World of the Married', nativeTitle: '부부의 세계', network: 'jtbc', year: 2020, episodes: 16, runtimeMinutes: 70,
    genres: ['Melodrama', 'Thriller'], aliases: [],
    synopsis: 'A respected doctor discovers her husband\'s affair, and the lives of a small city\'s couples come apart around them.',
    source: { title: 'Doctor Foster', type: 'television series', creator: 'Mike Bartlett' }, firstAirDate: '2020-03-27', lastAirDate: '2020-05-16',
    slots: [{ weekday: 5, time: '22:50' }, { weekday: 6, time: '22:50' }], platforms: [],
    cast: [{ person: 'han-so-hee', character: 'Yeo Da Kyung', billing: 'supporting', order: 3 }],
  },
];

export const demoAuthors: DemoAuthor[] = [
  { slug: 'mina-seo', name: 'Mina Seo', bio: 'Covers drama sets, casting news and the people behind the camera.' },
  { slug: 'daniel-ko', name: 'Daniel Ko', bio: 'Writes about television schedules, ratings and webtoon adaptations.' },
];

export const WATCH_ARTICLE_SLUG = 'watch-song-kang-makes-sure-han-so-hee-is-okay-during-the-filming-of-nevertheless';

export const demoArticles: DemoArticle[] = [
  {
    slug: WATCH_ARTICLE_SLUG, kind: 'watch', author: 'mina-seo', hoursAgo: 2, tags: ['Behind the scenes', 'Video'],
    headline: 'Watch: Song Kang makes sure Han So Hee is okay during the filming of Nevertheless',
    dek: 'A new behind-the-scenes clip from the JTBC set shows a rehearsal that went slightly wrong, and a co-star who stopped everything to check.',
    body: `JTBC has released another making-of video from *Nevertheless*, and this one is a favourite with fans already. Watch the video with English subtitles below!

\`\`\`video
lead
\`\`\`

The clip follows the crew through a long night on the campus set. Han So Hee, who plays the sculpture student Yoo Na Bi, is walking through a blocking rehearsal for a scene in the studio when she catches her sleeve on a workbench and stumbles.

Before the camera operator has even lowered the rig, Song Kang steps in. The actor behind Park Jae Eon asks twice whether she is hurt, looks at her wrist, and only returns to his mark once she laughs and shows him that everything is fine.

## A set that looks after itself

The rest of the video is lighter. The two leads trade notes on where to stand so the light from the kiln falls on the right side of the face, the director jokes that the butterfly motif has taken over every prop on the table, and Song Kang's attempt to carry three canvases at once ends the way viewers will expect.

Yang Hye Ji and Kim Min Gwi drop in for a short scene near the end, and the whole cast gathers for a cheer before the final take of the night.

> "The scenes between Na Bi and Jae Eon only work if both people feel safe," a crew member says in the clip. "You can see why they did."

*Nevertheless* airs every Saturday at 11 p.m. KST on JTBC and streams on Netflix.`,
  },
  {
    slug: 'nevertheless-webtoon-to-screen-what-changed', kind: 'feature', author: 'daniel-ko', hoursAgo: 30, tags: ['Webtoon', 'Analysis'],
    headline: 'From webtoon to screen: what Nevertheless kept, and what it changed',
    dek: 'The JTBC series follows the panels closely in its first weeks, then lets its supporting characters breathe.',
    body: `Adaptations of webtoons live or die by how they handle the slow parts. *Nevertheless*, based on the webtoon by Jung Seo, keeps the quiet rhythm of the original and its art-school setting almost untouched.

Where the series goes its own way is in the friends around the leads. Oh Bit Na, played by Yang Hye Ji, gets scenes of her own that the webtoon only sketches, and Yoon Seo A's Seo Ji Wan becomes the voice of reason the story needs between its more reckless moments.

The central pair stays faithful. Han So Hee plays Yoo Na Bi as someone who knows exactly what she is doing and does it anyway, and Song Kang gives Park Jae Eon an ease that makes the character's contradictions believable.

Readers of the webtoon will also notice that Yang Do Hyuk, played by Kim Min Gwi, arrives earlier than on the page, which raises the stakes of the middle episodes.`,
  },
  {
    slug: 'song-kang-from-love-alarm-to-nevertheless', kind: 'feature', author: 'mina-seo', hoursAgo: 54, tags: ['Profile'],
    headline: "Song Kang's webtoon years: from Love Alarm to Nevertheless",
    dek: 'Three adaptations in three years turned the actor into the face readers picture when they open a romance webtoon.',
    body: `Few actors have spent as much time inside webtoon adaptations as Song Kang. After a supporting turn as the street musician Luka in *When the Devil Calls Your Name*, he led *Love Alarm* as Hwang Sun Oh, then changed genre completely for *Sweet Home*, where Cha Hyun Su spends most of the series fighting monsters in a hallway.

*Nevertheless* brought him back to romance. His Park Jae Eon is warmer than the webtoon's version and harder to read, which is what the story needs.

Ask fans where to start and most will say *Sweet Home* for the range and *Nevertheless* for the chemistry with Han So Hee.`,
  },
  {
    slug: 'nevertheless-supporting-cast-steals-scenes', kind: 'news', author: 'daniel-ko', hoursAgo: 80, tags: ['Casting'],
    headline: 'The supporting cast of Nevertheless is stealing scenes',
    dek: 'Yang Hye Ji, Kim Min Gwi, Lee Ho Jung and Yoon Seo A round out a campus that feels lived in.',
    body: `A romance is only as convincing as the world around its couple, and *Nevertheless* has filled its campus with people worth watching.

Yang Hye Ji brings sharp timing to Oh Bit Na, the friend who says out loud what everyone else is thinking. Kim Min Gwi makes Yang Do Hyuk more than a plot device, and Lee Ho Jung gives Yoon Seol Ah a history with Park Jae Eon that the audience feels before it is explained.

Lee Tae Hee and Yoon Seo A complete the ensemble of classmates around the studio.`,
  },
  {
    slug: 'han-so-hee-my-name-action-training', kind: 'news', author: 'mina-seo', hoursAgo: 120, tags: ['Interview'],
    headline: 'Han So Hee on trading a sketchbook for a stunt mat in My Name',
    dek: 'After Nevertheless, the actress spent months in action training for the Netflix crime series.',
    body: `Han So Hee followed the soft colours of *Nevertheless* with something very different. In the Netflix series *My Name* she plays Yoon Ji Woo, a woman who goes undercover in the police to find out who killed her father.

The role asked for months of fight training, and the actress has said she wanted the action to look tiring rather than elegant. Viewers who know her as Yoo Na Bi will barely recognise her.`,
  },
];
