// Turning timed runs into medians, ratios, the targets and tables (plain text for the
// terminal, Markdown for docs/performance.md). Tables are built once as {title, headers, rows} and
// rendered twice, so the two forms cannot disagree.
import { MARKDOWN_TOOLS } from './tools.mjs';

const FULL_SIZE = 10000;

// ---------------------------------------------------------------------------------------------
// Statistics.

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians and ranges of a tool's timed runs (`runs` as returned by timedRun). */
export function summarize(label, runs) {
  const seconds = runs.map((run) => run.seconds);
  const rss = runs.map((run) => run.rssMb);
  return {
    label,
    samplesSeconds: seconds.map((value) => Math.round(value * 1000) / 1000),
    samplesRssMb: rss.map((value) => Math.round(value)),
    median: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
    peakRssMb: Math.max(...rss),
  };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

function formatSeconds(seconds) {
  if (seconds < 1) return seconds.toFixed(3);
  if (seconds < 100) return seconds.toFixed(2);
  return seconds.toFixed(1);
}

function formatRatio(ratio) {
  return ratio === undefined ? '—' : `${ratio.toFixed(2)}×`;
}

function timingCells(stats) {
  return [formatSeconds(stats.median), `${formatSeconds(stats.min)}–${formatSeconds(stats.max)}`, String(Math.round(stats.peakRssMb))];
}

function sizeLabel(size) {
  return size.toLocaleString('en-US');
}

function sizesOf(record) {
  return Object.keys(record ?? {}).map(Number).sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Targets (the numbers). Each is measured at the largest size run; below 10,000 macros the
// result is provisional and says so.

/** `met` is undefined when the inputs were not measured (e.g. a peer left out with --only). */
function target(name, goal, measured, met, note) {
  if (met === undefined) return { name, goal, measured: '—', result: 'n/a', note: note || 'not measured' };
  return { name, goal, measured, result: met ? 'met' : 'NOT met', note };
}

function sizeNote(size) {
  return size === FULL_SIZE ? '' : `at ${sizeLabel(size)} macros; the target is for ${sizeLabel(FULL_SIZE)}`;
}

function peerTargets(results, size) {
  const tools = results.markdown[size];
  const empathy = tools.empathy;
  const targets = [];
  const baseline = tools.baseline;
  const vsBaseline = empathy && baseline ? empathy.median / baseline.median : undefined;
  targets.push(target('Markdown library: empathy-lint vs baseline-parse', '≤ 1.0×', formatRatio(vsBaseline), vsBaseline === undefined ? undefined : vsBaseline <= 1.0, vsBaseline === undefined ? '' : sizeNote(size)));
  const speedups = [['write-good', 3], ['markdownlint', 3], ['alex', 5], ['textlint', 5]];
  for (const [id, wanted] of speedups) {
    const peer = tools[id];
    const speedup = empathy && peer ? peer.median / empathy.median : undefined;
    const label = MARKDOWN_TOOLS.find((tool) => tool.id === id).label;
    targets.push(target(`Faster than ${label}`, `≥ ${wanted}×`, formatRatio(speedup), speedup === undefined ? undefined : speedup >= wanted, speedup === undefined ? '' : sizeNote(size)));
  }
  const rss = empathy?.peakRssMb;
  targets.push(target('Peak RSS, Markdown library', '≤ 300 MB', rss === undefined ? '—' : `${Math.round(rss)} MB`, rss === undefined ? undefined : rss <= 300, sizeNote(size)));
  return targets;
}

function jsonTargets(results) {
  const size = sizesOf(results.json).pop();
  if (size === undefined) return [target('JSON export: empathy-lint vs baseline-json', '≤ 1.0×', '—', undefined, 'not measured'), target('Peak RSS, JSON export', '≤ 300 MB', '—', undefined, 'not measured')];
  const { empathy, baseline } = results.json[size];
  const ratio = empathy && baseline ? empathy.median / baseline.median : undefined;
  const rss = empathy?.peakRssMb;
  return [
    target('JSON export: empathy-lint vs baseline-json', '≤ 1.0×', formatRatio(ratio), ratio === undefined ? undefined : ratio <= 1.0, sizeNote(size)),
    target('Peak RSS, JSON export', '≤ 300 MB', rss === undefined ? '—' : `${Math.round(rss)} MB`, rss === undefined ? undefined : rss <= 300, sizeNote(size)),
  ];
}

function coldStartTarget(results) {
  const cold = results.coldStart;
  if (!cold) return target('Cold start: empathy-lint one.md vs node -e 0', '≤ 2.5×', '—', undefined, 'not measured');
  const ratio = cold.empathy.median / cold.node.median;
  return target('Cold start: empathy-lint one.md vs node -e 0', '≤ 2.5×', formatRatio(ratio), ratio <= 2.5, '');
}

function cacheTarget(results) {
  const cache = results.cache;
  if (!cache) return target('--cache re-run of the unchanged library', '≤ 0.5 s or ≤ 10% of uncached', '—', undefined, 'not measured');
  const seconds = cache.cached.median;
  const share = seconds / cache.uncachedMedian;
  const measured = `${formatSeconds(seconds)} s (${(share * 100).toFixed(1)}%)`;
  return target('--cache re-run of the unchanged library', '≤ 0.5 s or ≤ 10% of uncached', measured, seconds <= 0.5 || share <= 0.1, sizeNote(cache.size));
}

/** time(N) / time(N/10) for empathy-lint, for every such pair of sizes that was run. */
export function scalingRatios(results) {
  const sizes = sizesOf(results.markdown).filter((size) => results.markdown[size].empathy);
  const ratios = [];
  for (const size of sizes) {
    const smaller = size / 10;
    if (!sizes.includes(smaller)) continue;
    ratios.push({ from: smaller, to: size, ratio: results.markdown[size].empathy.median / results.markdown[smaller].empathy.median });
  }
  return ratios;
}

function scalingTarget(results) {
  const ratios = scalingRatios(results);
  const largest = ratios[ratios.length - 1];
  if (!largest) return target('10× the macros: time ratio', '≤ 11×', '—', undefined, 'needs two sizes 10× apart');
  const note = largest.to === FULL_SIZE ? '' : `${sizeLabel(largest.from)} → ${sizeLabel(largest.to)}; the target is for 1,000 → 10,000`;
  return target('10× the macros: time ratio', '≤ 11×', formatRatio(largest.ratio), largest.ratio <= 11, note);
}

export function evaluateTargets(results) {
  const largest = sizesOf(results.markdown).pop();
  const targets = largest === undefined ? [] : peerTargets(results, largest);
  targets.push(...jsonTargets(results), coldStartTarget(results), cacheTarget(results), scalingTarget(results));
  return targets;
}

// ---------------------------------------------------------------------------------------------
// Tables.

function markdownTable(results, size) {
  const tools = results.markdown[size];
  const rows = [];
  for (const { id } of MARKDOWN_TOOLS) {
    const stats = tools[id];
    if (!stats) continue;
    const vsBaseline = tools.baseline ? formatRatio(stats.median / tools.baseline.median) : '—';
    const isPeer = id !== 'empathy' && id !== 'baseline';
    const empathyFaster = isPeer && tools.empathy ? formatRatio(stats.median / tools.empathy.median) : '—';
    rows.push([stats.label, ...timingCells(stats), vsBaseline, empathyFaster]);
  }
  return {
    title: `Markdown library, ${sizeLabel(size)} macros (one file each)`,
    headers: ['Tool', 'Median s', 'Min–max s', 'Peak RSS MB', '× baseline-parse', 'empathy-lint faster by'],
    rows,
  };
}

function jsonTable(results, size) {
  const { empathy, baseline } = results.json[size];
  const rows = [];
  for (const stats of [empathy, baseline]) {
    if (!stats) continue;
    rows.push([stats.label, ...timingCells(stats), baseline ? formatRatio(stats.median / baseline.median) : '—']);
  }
  return {
    title: `Zendesk JSON export, ${sizeLabel(size)} macros in one file`,
    headers: ['Tool', 'Median s', 'Min–max s', 'Peak RSS MB', '× baseline-json'],
    rows,
  };
}

function otherTable(results) {
  const rows = [];
  const cold = results.coldStart;
  if (cold) {
    rows.push([`Cold start: ${cold.empathy.label}`, ...timingCells(cold.empathy), `${formatRatio(cold.empathy.median / cold.node.median)} node -e 0`]);
    rows.push([`Cold start: ${cold.node.label}`, ...timingCells(cold.node), '—']);
  }
  const cache = results.cache;
  if (cache) {
    rows.push([`--cache re-run, ${sizeLabel(cache.size)} unchanged macros`, ...timingCells(cache.cached), `${formatRatio(cache.cached.median / cache.uncachedMedian)} uncached`]);
  }
  for (const { from, to, ratio } of scalingRatios(results)) {
    rows.push([`Scaling: empathy-lint ${sizeLabel(from)} → ${sizeLabel(to)} macros`, '—', '—', '—', `${formatRatio(ratio)} time`]);
  }
  return { title: 'Start-up, cache and scaling', headers: ['Measurement', 'Median s', 'Min–max s', 'Peak RSS MB', 'Ratio'], rows };
}

function targetTable(targets) {
  return {
    title: 'Targets (issue 7)',
    headers: ['Target', 'Goal', 'Measured', 'Result', 'Note'],
    rows: targets.map((t) => [t.name, t.goal, t.measured, t.result, t.note]),
    leftAligned: true,
  };
}

export function buildTables(results, targets) {
  const tables = [];
  for (const size of sizesOf(results.markdown)) tables.push(markdownTable(results, size));
  for (const size of sizesOf(results.json)) tables.push(jsonTable(results, size));
  const other = otherTable(results);
  if (other.rows.length > 0) tables.push(other);
  tables.push(targetTable(targets));
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Rendering.

/** Columns padded to their widest cell; the name column left-aligned, numbers right-aligned unless the table says otherwise. */
function renderTextTable({ title, headers, rows, leftAligned = false }) {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const pad = (cell, column) => (column === 0 || leftAligned ? cell.padEnd(widths[column]) : cell.padStart(widths[column]));
  const line = (cells) => cells.map(pad).join('  ').trimEnd();
  return [title, line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function renderMarkdownTable({ title, headers, rows }) {
  const escape = (cell) => cell.replace(/\|/g, '\\|');
  return [`**${title}**`, '', `| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`)].join('\n');
}

export function renderText(tables) {
  return tables.map(renderTextTable).join('\n\n');
}

export function renderMarkdown(tables, machine) {
  const setup = `Measured on ${machine.cpu} (${machine.cores} cores, ${machine.ramGb} GB RAM), ${machine.os}, Node ${machine.node}, commit ${machine.gitCommit?.slice(0, 7) ?? 'unknown'}, ${machine.date.slice(0, 10)}.`;
  return [setup, ...tables.map(renderMarkdownTable)].join('\n\n');
}
