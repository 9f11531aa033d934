const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZONE_ABBREVIATION: Record<string, string> = { 'Asia/Seoul': 'KST' };

/** "11 p.m.", "9:30 p.m.", "noon", "midnight" from "HH:MM", in the house style of the site. */
export function formatClockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 0 && m === 0) return 'midnight';
  if (h === 12 && m === 0) return 'noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'a.m.' : 'p.m.'}`;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * "Airs every Saturday at 11 p.m. KST" (or "Aired ..." once the run has ended). Slots at the same
 * time are grouped: "every Wednesday and Thursday at 9:30 p.m. KST".
 */
export function describeSlots(slots: { weekday: number; local_time: string }[], timeZone: string, ended: boolean): string | null {
  if (slots.length === 0) return null;
  const byTime = new Map<string, number[]>();
  for (const s of slots) byTime.set(s.local_time, [...(byTime.get(s.local_time) ?? []), s.weekday]);
  const zone = ZONE_ABBREVIATION[timeZone] ?? timeZone;
  const parts = [...byTime].map(([time, days]) => `every ${joinWords(days.sort().map((d) => WEEKDAYS[d - 1]!))} at ${formatClockTime(time)} ${zone}`);
  return `${ended ? 'Aired' : 'Airs'} ${parts.join('; ')}`;
}
