import { preferredSpelling, quote, type RawFinding, type Rule } from '../rule.js';

/**
 * A person's name with the family name moved last, in any case: "Kang song" → "Song Kang".
 * Words that are themselves a known name are matched as that name first, so they never get here.
 */
export const nameOrder: Rule = ({ names }) => {
  const out: RawFinding[] = [];
  for (const m of names) {
    if (m.kind !== 'order') continue;
    const name = preferredSpelling(m.names, '');
    out.push({
      ruleId: 'name-order', severity: 'error', start: m.start, end: m.end,
      message: `${quote(m.written)} swaps family and given name: the knowledge base has ${quote(name.surface)} (family name first)`,
      suggestion: name.surface, entity: name.entity,
    });
  }
  return out;
};
