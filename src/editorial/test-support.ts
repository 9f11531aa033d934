import { demoLintKb } from './demo-kb.js';
import { lintText, type Finding } from './engine.js';

/** The findings of one rule on a text, linted against the demo knowledge base. */
export function findingsOf(ruleId: string, text: string): Finding[] {
  return lintText(text, demoLintKb()).filter((f) => f.ruleId === ruleId);
}
/** "text → suggestion" of each finding, for compact assertions. */
export const fixesOf = (ruleId: string, text: string): string[] => findingsOf(ruleId, text).map((f) => `${f.text} → ${f.suggestion ?? '(none)'}`);
