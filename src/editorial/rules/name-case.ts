import { normalizeWritten } from '../scan.js';
import { preferredSpelling, quote, type RawFinding, type Rule } from '../rule.js';

/** A known name with the wrong letter case: "Lee ho jung" → "Lee Ho Jung". */
export const nameCase: Rule = ({ names }) => {
  const out: RawFinding[] = [];
  for (const m of names) {
    if (m.kind !== 'case') continue;
    const name = preferredSpelling(m.names, normalizeWritten(m.written));
    out.push({ ruleId: 'name-case', severity: 'error', start: m.start, end: m.end, message: `${quote(m.written)} is written ${quote(name.surface)}`, suggestion: name.surface, entity: name.entity });
  }
  return out;
};
