import type { KbEntity, KbName, LintKb } from './kb.js';
import type { NameMatch, Token } from './scan.js';

export const RULE_IDS = ['name-case', 'name-order', 'name-spelling', 'role-as', 'role-attribution', 'pronoun', 'inconsistent-spelling', 'stray-punctuation'] as const;
export type RuleId = (typeof RULE_IDS)[number];
export type Severity = 'error' | 'warning' | 'info';

/** What every rule reads: the text, its prose-only twin, its words and the names found in it. */
export interface RuleContext {
  source: string;
  /** Same length as source, with code, URLs and directives blanked out. */
  masked: string;
  tokens: Token[];
  names: NameMatch[];
  kb: LintKb;
}

/** A finding before positions are turned into lines and columns. */
export interface RawFinding {
  ruleId: RuleId | 'lint-directive';
  severity: Severity;
  /** Offsets into the source. */
  start: number;
  end: number;
  message: string;
  /** Replacement for source[start, end), when the rule knows it. */
  suggestion?: string;
  /** For guesses (pronoun): how sure the rule is, 0..1. */
  confidence?: number;
  /** The entity the finding settles the name to, so the linker can link it once fixed. */
  entity?: KbEntity;
}

export type Rule = (ctx: RuleContext) => RawFinding[];

/** Of several spellings, the one that reads like `written` (hyphenated or not), else the display name. */
export function preferredSpelling(names: readonly KbName[], written: string): KbName {
  const hyphenated = written.includes('-');
  return (
    names.find((n) => n.surface.toLowerCase() === written.toLowerCase()) ??
    names.find((n) => n.surface.includes('-') === hyphenated && n.words.length === written.split(/[\s-]+/).length) ??
    names.find((n) => !n.isAlias) ??
    names[0]!
  );
}

export const quote = (s: string) => `“${s.replace(/\s+/g, ' ')}”`;
