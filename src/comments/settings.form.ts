// The discussion-settings form of the staff page: which fields it has, and how a submitted form
// becomes settings or per-field errors. Pure: the route only renders and saves.
import { MAX_THREAD_DEPTH, type CommentSettings } from './settings.js';

type Key = keyof CommentSettings;

export interface SettingField {
  key: Key;
  label: string;
  /** One line under the field. */
  help: string;
  kind: 'bool' | 'int' | 'number' | 'list';
  min?: number;
  max?: number;
}

/** Fields in the order shown, grouped as WordPress's Discussion Settings are. */
export const SETTING_GROUPS: { title: string; fields: SettingField[] }[] = [
  {
    title: 'Before a comment appears',
    fields: [
      { key: 'holdFirstComment', label: 'Hold a commenter’s first comment for approval', help: 'Later comments from the same email are published at once.', kind: 'bool' },
      { key: 'holdAtLinks', label: 'Hold a comment with this many links or more', help: '0 turns the rule off. WordPress holds at 2.', kind: 'int', min: 0, max: 100 },
      { key: 'moderationWords', label: 'Moderation words', help: 'One per line. A comment containing one waits for approval.', kind: 'list' },
      { key: 'disallowedWords', label: 'Disallowed words', help: 'One per line. A comment containing one goes to spam.', kind: 'list' },
      { key: 'urlBlocklist', label: 'Blocked hosts', help: 'One per line, e.g. spam.example. Links to them send a comment to spam.', kind: 'list' },
    ],
  },
  {
    title: 'Threads and pages',
    fields: [
      { key: 'closeAfterDays', label: 'Close comments on stories older than (days)', help: '0 keeps comments open.', kind: 'int', min: 0, max: 36500 },
      { key: 'threadDepth', label: 'Nested replies, levels deep', help: `1 allows no replies; at most ${MAX_THREAD_DEPTH}.`, kind: 'int', min: 1, max: MAX_THREAD_DEPTH },
      { key: 'perPage', label: 'Top-level comments per page', help: 'Between 1 and 500.', kind: 'int', min: 1, max: 500 },
    ],
  },
  {
    title: 'Spam and flood defence',
    fields: [
      { key: 'minSecondsToSubmit', label: 'Minimum seconds from showing the form to posting', help: 'Faster posts are treated as a bot’s and go to spam.', kind: 'number', min: 0, max: 3600 },
      { key: 'rateWindowSeconds', label: 'Rate-limit window (seconds)', help: 'The limits below count comments within this window.', kind: 'int', min: 1, max: 86400 },
      { key: 'maxPerIpPerWindow', label: 'Comments per IP address in the window', help: 'More are refused with “please wait”.', kind: 'int', min: 1, max: 100000 },
      { key: 'maxPerEmailPerWindow', label: 'Comments per email in the window', help: 'More are refused with “please wait”.', kind: 'int', min: 1, max: 100000 },
      { key: 'minLength', label: 'Shortest comment (characters)', help: '', kind: 'int', min: 1, max: 1000 },
      { key: 'maxLength', label: 'Longest comment (characters)', help: '', kind: 'int', min: 1, max: 65000 },
      { key: 'maxNameLength', label: 'Longest name (characters)', help: '', kind: 'int', min: 1, max: 245 },
    ],
  },
];

export const SETTING_FIELDS: SettingField[] = SETTING_GROUPS.flatMap((g) => g.fields);

/** What the form shows: the text of every field, as typed or as stored. */
export type SettingsFormValues = Record<Key, string>;

export function formValuesOf(settings: CommentSettings): SettingsFormValues {
  const out = {} as SettingsFormValues;
  for (const f of SETTING_FIELDS) {
    const v = settings[f.key];
    out[f.key] = Array.isArray(v) ? v.join('\n') : typeof v === 'boolean' ? (v ? 'on' : '') : String(v);
  }
  return out;
}

const MAX_LIST_ITEMS = 1000;
const MAX_ITEM_LENGTH = 200;

/**
 * A submitted form: every field checked at once, so the page can mark each wrong one. An unticked
 * box is absent from a form post, so a missing bool means false.
 */
export function parseSettingsForm(body: Record<string, unknown>): { values: SettingsFormValues; settings?: Partial<CommentSettings>; errors: Partial<Record<Key, string>> } {
  const values = {} as SettingsFormValues;
  const errors: Partial<Record<Key, string>> = {};
  const settings: Record<string, unknown> = {};
  for (const f of SETTING_FIELDS) {
    const raw = body[f.key];
    const text = typeof raw === 'string' ? raw : '';
    values[f.key] = text;
    if (f.kind === 'bool') {
      settings[f.key] = text === 'on' || text === 'yes' || text === 'true';
      continue;
    }
    if (f.kind === 'list') {
      const items = [...new Set(text.split(/\r?\n/).map((s) => s.trim()).filter(Boolean))];
      const long = items.find((s) => s.length > MAX_ITEM_LENGTH);
      if (long) errors[f.key] = `Each entry must be at most ${MAX_ITEM_LENGTH} characters; “${long.slice(0, 30)}…” is longer.`;
      else if (items.length > MAX_LIST_ITEMS) errors[f.key] = `At most ${MAX_LIST_ITEMS} entries, one per line.`;
      else settings[f.key] = items;
      continue;
    }
    const trimmed = text.trim();
    const n = Number(trimmed);
    const range = `between ${f.min} and ${f.max}`;
    if (trimmed === '') errors[f.key] = `Please enter a number ${range}.`;
    else if (!Number.isFinite(n) || (f.kind === 'int' && !Number.isInteger(n))) errors[f.key] = f.kind === 'int' ? `Please enter a whole number ${range}.` : `Please enter a number ${range}.`;
    else if (n < f.min! || n > f.max!) errors[f.key] = `Please enter a number ${range}.`;
    else settings[f.key] = n;
  }
  if (!errors.minLength && !errors.maxLength && Number(settings.minLength) > Number(settings.maxLength)) {
    errors.maxLength = 'The longest comment must be at least as long as the shortest.';
  }
  return Object.keys(errors).length ? { values, errors } : { values, settings: settings as Partial<CommentSettings>, errors };
}
