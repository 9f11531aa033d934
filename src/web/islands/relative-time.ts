// Rewrites <time data-relative datetime="..."> as "3 hours ago" for recent dates, in the reader's
// language; the server-rendered absolute date stays in the title for hover and screen readers.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function enhanceRelativeTimes(root: ParentNode, now = Date.now()): void {
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const el of root.querySelectorAll<HTMLTimeElement>('time[data-relative]')) {
    const at = Date.parse(el.dateTime);
    if (Number.isNaN(at)) continue;
    const diff = at - now;
    if (Math.abs(diff) > 7 * 86_400_000) continue;
    const [unit, ms] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? UNITS[2]!;
    el.title = el.textContent ?? '';
    el.textContent = format.format(Math.round(diff / ms), unit);
  }
}
