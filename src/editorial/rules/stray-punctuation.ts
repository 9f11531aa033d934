import { normalizeWritten } from '../scan.js';
import { preferredSpelling, quote, type RawFinding, type Rule } from '../rule.js';

// After a name: one period (not an ellipsis or an initial), spaces, then a lowercase word.
const PERIOD_THEN_LOWERCASE = /^\.(?!\.)[ \t]+(?=\p{Ll})/u;

/** Punctuation inside a name ("Song. Kang") or a period that cuts a sentence after one ("Han So Hee. and"). */
export const strayPunctuation: Rule = ({ names, masked }) => {
  const out: RawFinding[] = [];
  for (const m of names) {
    if (m.kind === 'punctuation') {
      const name = preferredSpelling(m.names, normalizeWritten(m.written.replace(/[.,]/g, '')));
      out.push({ ruleId: 'stray-punctuation', severity: 'error', start: m.start, end: m.end, message: `stray punctuation inside the name ${quote(name.surface)}`, suggestion: name.surface, entity: name.entity });
      continue;
    }
    if (m.kind !== 'exact' || !m.entities.some((e) => e.type !== 'drama')) continue;
    const after = PERIOD_THEN_LOWERCASE.exec(masked.slice(m.end, m.end + 8));
    if (!after) continue;
    out.push({ ruleId: 'stray-punctuation', severity: 'error', start: m.end, end: m.end + 1, message: `a period after ${quote(m.written)} ends the sentence, but it goes on in lowercase`, suggestion: '' });
  }
  return out;
};
