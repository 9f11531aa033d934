import type { KbEntity, LintKb } from './kb.js';
import { maskMarkdown, parseDirectives } from './markdown-mask.js';
import { findNames, tokenize } from './scan.js';
import { RULE_IDS, type RawFinding, type Rule, type RuleId, type Severity } from './rule.js';
import { nameCase } from './rules/name-case.js';
import { nameOrder } from './rules/name-order.js';
import { nameSpelling } from './rules/name-spelling.js';
import { roleAs } from './rules/role-as.js';
import { roleAttribution } from './rules/role-attribution.js';
import { pronoun } from './rules/pronoun.js';
import { inconsistentSpelling } from './rules/inconsistent-spelling.js';
import { strayPunctuation } from './rules/stray-punctuation.js';

export { RULE_IDS, type RuleId, type Severity };

/** One problem found in a text. Lines and columns are 1-based; columns count UTF-16 code units. */
export interface Finding {
  ruleId: RuleId | 'lint-directive';
  severity: Severity;
  line: number;
  column: number;
  /** Where the found text ends (exclusive column). */
  endLine: number;
  endColumn: number;
  /** 0-based UTF-16 offset of the found text in the source, and its length. */
  offset: number;
  length: number;
  /** The text found, as written. */
  text: string;
  message: string;
  /** Replacement for `text`, when the rule knows it ("" deletes it). */
  suggestion?: string;
  /** 0..1, for rules that guess (pronoun). */
  confidence?: number;
  /** The knowledge-base entity the finding settles the name to. */
  entity?: { type: KbEntity['type']; id: number; name: string; href: string };
}

export interface LintOptions {
  /** Rules to leave out, on top of the ones the text's own directives turn off. */
  disable?: readonly string[];
}

const RULES: Record<RuleId, Rule> = {
  'name-case': nameCase,
  'name-order': nameOrder,
  'name-spelling': nameSpelling,
  'role-as': roleAs,
  'role-attribution': roleAttribution,
  pronoun,
  'inconsistent-spelling': inconsistentSpelling,
  'stray-punctuation': strayPunctuation,
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Lints a Markdown (or plain) text against the knowledge base. Pure: no I/O. */
export function lintText(text: string, kb: LintKb, options: LintOptions = {}): Finding[] {
  const directives = parseDirectives(text);
  const disabled = new Set(options.disable ?? []);
  const raw: RawFinding[] = [];
  for (const d of directives) {
    const unknown = d.rules.filter((r) => !(RULE_IDS as readonly string[]).includes(r));
    if (d.rules.length === 0 || unknown.length) {
      raw.push({ ruleId: 'lint-directive', severity: 'warning', start: d.start, end: d.end, message: d.rules.length ? `unknown rule ${unknown.join(', ')}; rules are ${RULE_IDS.join(', ')}` : 'write it as (disable <rule>[, <rule>]: <reason>)' });
    } else if (!d.reason) {
      raw.push({ ruleId: 'lint-directive', severity: 'warning', start: d.start, end: d.end, message: `say why ${d.rules.join(', ')} is off: (disable ${d.rules.join(', ')}: <reason>); the rule stays on until then` });
      continue;
    }
    for (const r of d.rules) disabled.add(r);
  }
  const masked = maskMarkdown(text);
  const tokens = tokenize(masked);
  const ctx = { source: text, masked, tokens, names: findNames(text, masked, tokens, kb), kb };
  for (const id of RULE_IDS) if (!disabled.has(id)) raw.push(...RULES[id](ctx));
  const lines = lineStarts(text);
  return raw
    .sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .map((f) => toFinding(f, text, lines));
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function position(lines: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo]! + 1 };
}

function toFinding(f: RawFinding, text: string, lines: number[]): Finding {
  const from = position(lines, f.start);
  const to = position(lines, f.end);
  const out: Finding = { ruleId: f.ruleId, severity: f.severity, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, offset: f.start, length: f.end - f.start, text: text.slice(f.start, f.end), message: f.message };
  if (f.suggestion !== undefined) out.suggestion = f.suggestion;
  if (f.confidence !== undefined) out.confidence = Math.round(f.confidence * 100) / 100;
  if (f.entity) out.entity = { type: f.entity.type, id: f.entity.id, name: f.entity.name, href: f.entity.href };
  return out;
}

/**
 * Applies the suggestions of the given findings (those without one are skipped), last first so
 * earlier offsets stay valid; a finding overlapping one already applied is skipped. A finding
 * whose text no longer sits at its offset (the text changed since linting) is skipped too.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: Finding[] } {
  const fixable = findings.filter((f) => f.suggestion !== undefined).sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  let floor = Infinity;
  const applied: Finding[] = [];
  for (const f of fixable) {
    if (f.offset + f.length > floor || text.slice(f.offset, f.offset + f.length) !== f.text) continue;
    out = out.slice(0, f.offset) + f.suggestion + out.slice(f.offset + f.length);
    floor = f.offset;
    applied.push(f);
  }
  return { text: out, applied: applied.reverse() };
}
