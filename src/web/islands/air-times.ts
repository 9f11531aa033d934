// Air times in the reader's zone: local times, zone pickers, countdowns and the week on /schedule.
import { applyZone, enhanceZonePickers, startCountdowns } from './local-times.js';
import { regroupWeek } from './schedule-week.js';
import { preferredZone, type ZonePreference } from './zone-preference.js';

export function enhanceAirTimes(root: Document): void {
  if (!root.querySelector('time[data-local], [data-countdown], [data-zone-picker], [data-schedule-week]')) return;
  const show = (pref: ZonePreference) => {
    applyZone(root, pref);
    void regroupWeek(root, pref).then(() => applyZone(root, pref));
  };
  const pref = preferredZone();
  enhanceZonePickers(root, pref, show);
  show(pref);
  startCountdowns(root);
}
