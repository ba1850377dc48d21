// The shapes every layer agrees on. Rules see only text offsets; diagnostics carry source positions.

/** A half-open range [start, end) of UTF-16 offsets. */
export type Range = readonly [start: number, end: number];

export type Severity = 'warn' | 'error';
export type RuleCategory = 'tone' | 'clarity' | 'correctness';
export type SeverityLevel = Severity | 'off';

/** Replace `range` with `text`. Inside a rule, offsets are into `doc.text`; in a diagnostic, into the source file. */
export interface Fix {
  range: Range;
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface RuleMeta {
  /** Kebab-case id; plugins later prefix it with their namespace. */
  id: string;
  /** One line: what the rule reports. */
  description: string;
  /** Path or URL of the rule's documentation. */
  docs: string;
  /** Severity in `empathy:recommended`; 'off' keeps the rule out of that preset. */
  defaultSeverity: SeverityLevel;
  /**
   * What the rule protects: the customer's feelings (`tone`), how easy the reply is to read (`clarity`),
   * or whether it works at all (`correctness`). `empathy:strict` raises tone rules to errors.
   */
  category?: RuleCategory;
  /**
   * The rule judges a reply to the customer as a whole (its greeting, acknowledgement, next step), so it
   * does not apply to internal notes between agents. Rules about wording apply everywhere.
   */
  repliesOnly?: boolean;
  fixable: boolean;
  hasSuggestions: boolean;
  /** Message templates by id, with `{{name}}` placeholders filled from `data`. */
  messages: Record<string, string>;
  /** Default options; a config may only set these keys, with values of the same type. */
  defaultOptions?: Record<string, unknown>;
}

export interface ReportDescriptor {
  messageId?: string;
  message?: string;
  data?: Record<string, unknown>;
  range: Range;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export type Report = (descriptor: ReportDescriptor) => void;

export interface MacroInfo {
  id?: string;
  /** An internal note for agents, not a reply the customer reads. */
  internal?: boolean;
  title?: string;
  /** JSON pointer to the macro inside an export. */
  pointer?: string;
}

export interface Diagnostic {
  /** null for problems that belong to no rule (unreadable file, unknown format). */
  ruleId: string | null;
  severity: Severity;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets into the source file. */
  fix?: Fix;
  suggestions?: Suggestion[];
  macro?: MacroInfo;
  /** The file could not be linted at all. */
  fatal?: boolean;
}

/** One macro of a file, with how it scored. */
export interface MacroResult extends MacroInfo {
  /** Where the macro's text starts. */
  line: number;
  column: number;
  errorCount: number;
  warningCount: number;
  /** Empathy score, 0–100 (see engine/score.ts). */
  score: number;
}

/** Everything found in one file. */
export interface LintResult {
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The file's macros in order; empty when the file could not be read as macros. */
  macros: MacroResult[];
  /** Mean empathy score of the file's macros, rounded; undefined when it has none. */
  score?: number;
  /** With `fix`: the original text and the fixed text, when fixes changed it. */
  source?: string;
  output?: string;
  /** With `fix`: why the fix loop stopped early, when it did. */
  fixStop?: 'pass-limit' | 'cycle';
}
