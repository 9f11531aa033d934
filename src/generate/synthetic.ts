// Synthetic, obviously made-up content for load tests: names built from syllables, titles from
// word lists, sentences from templates written for this project. Deterministic for a given seed.

/** A small, fast, seedable PRNG (mulberry32), so two runs with one seed make the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
export const int = (rand: Rand, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

const SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong'];
const SYLLABLES = ['Min', 'Ji', 'Seo', 'Ha', 'Joon', 'Woo', 'Hye', 'Yeon', 'Su', 'Eun', 'Jae', 'Hyun', 'So', 'Da', 'Bin', 'Na', 'Ye', 'Rin', 'Tae', 'Kyung', 'Sung', 'Ah', 'Hoon', 'Won'];
const TITLE_A = ['Midnight', 'Spring', 'Hidden', 'Second', 'Last', 'Golden', 'Silent', 'Secret', 'Little', 'Broken', 'Summer', 'Crimson', 'Gentle', 'Lost', 'Brave'];
const TITLE_B = ['Garden', 'Letter', 'Promise', 'Station', 'Melody', 'Season', 'Kitchen', 'Witness', 'Campus', 'Harbor', 'Contract', 'Diary', 'Bakery', 'Tower', 'Signal'];
const NETWORKS = ['JTBC', 'tvN', 'SBS', 'KBS2', 'MBC', 'ENA', 'Netflix', 'Disney+'];
const CHARACTER_ROLES = ['a detective', 'a pastry chef', 'a lawyer', 'a webtoon artist', 'a doctor', 'a student', 'a chaebol heir', 'a reporter', 'a singer', 'a teacher'];
const VERBS = ['joins', 'wraps filming of', 'shares a first look at', 'talks about', 'returns to the set of', 'celebrates the finale of', 'confirms a role in', 'rehearses for'];
const SENTENCES = [
  'The production team says the first script reading went smoothly.',
  'Fans have already started counting down to the premiere.',
  'Behind-the-scenes photos show the cast laughing between takes.',
  'The director describes the story as warm, funny and a little sad.',
  'Viewers praised the chemistry between the leads after the teaser.',
  'The series is based on a popular webtoon with millions of readers.',
  'Filming took place over four months in Seoul and Busan.',
  'A new poster hints at a love triangle in the second half.',
];
const COMMENT_LINES = [
  'I cannot wait for the next episode!', 'This made my whole week.', 'The acting in that scene was so good.',
  'Does anyone know where they filmed this?', 'Adding it to my watch list right now.', 'That ending though...',
  'The soundtrack is stuck in my head.', 'Finally some good news!', 'They look so comfortable together on set.',
];

export function personName(rand: Rand, i: number): { family: string; given: string; display: string } {
  const family = pick(rand, SURNAMES);
  // The index keeps every generated name unique without a lookup.
  const given = `${pick(rand, SYLLABLES)} ${pick(rand, SYLLABLES)}${i}`;
  return { family, given, display: `${family} ${given}` };
}

export function dramaTitle(rand: Rand, i: number): string {
  return `${pick(rand, TITLE_A)} ${pick(rand, TITLE_B)} ${i}`;
}

export const networkName = (rand: Rand) => pick(rand, NETWORKS);
export const characterRole = (rand: Rand) => pick(rand, CHARACTER_ROLES);

export function storyText(rand: Rand, person: string, drama: string, character: string): { headline: string; dek: string; body: string } {
  const headline = `${person} ${pick(rand, VERBS)} ${drama}`;
  const dek = `The actor plays ${character} in the series. ${pick(rand, SENTENCES)}`;
  const paragraphs = Array.from({ length: int(rand, 3, 6) }, () => Array.from({ length: int(rand, 2, 4) }, () => pick(rand, SENTENCES)).join(' '));
  paragraphs.splice(1, 0, `${person} said the role of ${character} in *${drama}* was unlike anything before.`);
  return { headline, dek, body: paragraphs.join('\n\n') };
}

export const commentText = (rand: Rand, n: number) => `${pick(rand, COMMENT_LINES)} (#${n})`;
