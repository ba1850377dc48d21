#!/usr/bin/env node
// Precision and recall of each rule against the labelled macro set (../shared/corpus/labelled by default),
// at the level the labels are written: a file for Markdown, a macro for JSON exports. Every rule runs,
// at least as a warning (empathy:all). A label lists the rules expected to fire at least once; any
// other rule that fires is a false positive, and an exemplary macro must draw no finding at all.
//
//   npm run accuracy                         build, then score every rule
//   node bench/accuracy.mjs --rule avoid-blame --verbose
//   node bench/accuracy.mjs --dist .dist-mine  score the rules of another build (rule files, registered or not)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.resolve(ROOT, '../shared/corpus/labelled') },
    dist: { type: 'string', default: path.join(ROOT, 'dist') },
    rule: { type: 'string', multiple: true },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const labelsPath = path.join(args.corpus, 'labels.json');
if (!existsSync(labelsPath)) {
  console.error(`accuracy: no labelled set at ${args.corpus} (labels.json missing); pass --corpus <folder>.`);
  process.exit(2);
}
const dist = path.resolve(ROOT, args.dist);
const { lintMacros } = await import(path.join(dist, 'src/engine/linter.js'));
const { parseSource } = await import(path.join(dist, 'src/formats/index.js'));
const { getDialect, guessDialect } = await import(path.join(dist, 'src/engine/dialects.js'));

const ruleFiles = readdirSync(path.join(dist, 'rules')).filter((f) => f.endsWith('.js') && f !== 'index.js');
const rules = [];
for (const file of ruleFiles) rules.push((await import(path.join(dist, 'rules', file))).default);
const selected = rules.filter((r) => !args.rule || args.rule.includes(r.meta.id));
const enabled = selected.map((rule) => ({
  rule,
  severity: rule.meta.defaultSeverity === 'error' ? 'error' : 'warn',
  options: { ...rule.meta.defaultOptions },
}));

/** Findings per labelled unit: `file.md`, or `export.json#<macro id>`; prepared as the CLI prepares them. */
function lintUnits(file) {
  const source = readFileSync(path.join(args.corpus, file), 'utf8');
  const outcome = parseSource(file, source, { markdown: { split: 'auto' } });
  if (outcome.kind !== 'macros') return undefined;
  // An iterable (a JSON export's macros are converted as they are reached): read once into a list.
  const macros = [...outcome.macros];
  const dialect = getDialect(guessDialect(macros.map((m) => m.mapped.text), outcome.format));
  const lint = (some) => lintMacros(file, source, some, enabled, { dialect });
  if (!file.endsWith('.json')) return new Map([[file, lint(macros)]]);
  return new Map(macros.map((macro) => [`${file}#${macro.id}`, lint([macro])]));
}

const labels = JSON.parse(readFileSync(labelsPath, 'utf8')).files;
const files = [...new Set(Object.keys(labels).map((key) => key.split('#')[0]))].sort();
const findings = new Map();
const unreadable = [];
for (const file of files) {
  const units = lintUnits(file);
  if (!units) unreadable.push(file);
  else for (const [key, diagnostics] of units) findings.set(key, diagnostics);
}

const labelledRules = new Set(Object.values(labels).flatMap((l) => l.expect));
const stats = new Map(selected.map((r) => [r.meta.id, { tp: 0, fp: 0, fn: 0, notes: [] }]));
const exemplaryHits = [];
let scoredUnits = 0;
for (const [key, label] of Object.entries(labels)) {
  const diagnostics = findings.get(key);
  if (!diagnostics) continue;
  scoredUnits++;
  if (label.exemplary && diagnostics.length > 0) {
    exemplaryHits.push(`${key}: ${diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`).join(', ')}`);
  }
  for (const [id, s] of stats) {
    const expected = label.expect.includes(id);
    const fired = diagnostics.filter((d) => d.ruleId === id);
    if (expected && fired.length > 0) s.tp++;
    else if (fired.length > 0) {
      s.fp++;
      s.notes.push(`  FP ${key} ${fired.map((d) => `${d.line}:${d.column} ${JSON.stringify(d.message.slice(0, 70))}`).join('; ')}`);
    } else if (expected) {
      s.fn++;
      s.notes.push(`  FN ${key} (${label.note})`);
    }
  }
}

const ratio = (n, d) => (d === 0 ? '—' : (n / d).toFixed(2));
const rows = [...stats].map(([id, s]) => ({
  rule: id,
  labelled: labelledRules.has(id),
  tp: s.tp,
  fp: s.fp,
  fn: s.fn,
  // A rule the labels do not cover cannot be scored: its findings are listed, not counted as errors.
  precision: labelledRules.has(id) ? ratio(s.tp, s.tp + s.fp) : '—',
  recall: labelledRules.has(id) ? ratio(s.tp, s.tp + s.fn) : '—',
  notes: s.notes,
}));

if (args.json) {
  console.log(JSON.stringify({ scoredUnits, unreadable, exemplaryHits, rules: rows }, null, 2));
} else {
  console.log(`Labelled set: ${scoredUnits} units scored${unreadable.length ? `; not readable yet: ${unreadable.join(', ')}` : ''}\n`);
  console.log('rule                         TP  FP  FN  precision  recall');
  for (const r of rows) {
    const cells = `${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${r.precision.padStart(9)}  ${r.recall.padStart(6)}`;
    console.log(`${r.rule.padEnd(28)} ${cells}${r.labelled ? '' : '   (not labelled: findings listed, not scored)'}`);
    if (args.verbose) for (const note of r.notes) console.log(note);
  }
  const missing = [...labelledRules].filter((id) => !rules.some((r) => r.meta.id === id));
  if (missing.length) console.log(`\nLabelled but not implemented: ${missing.join(', ')}`);
  console.log(`\nExemplary macros with findings: ${exemplaryHits.length}`);
  for (const hit of exemplaryHits) console.log(`  ${hit}`);
}
