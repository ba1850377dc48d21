// The HTML report's stylesheet, inlined into the page so the report is one file that opens from disk.
// Colours keep at least 4.5:1 contrast on their backgrounds; severity is always written out as well.
export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --error: #a40e26; --error-bg: #ffebe9; --warn: #7a4d00; --warn-bg: #fff8c5; --good: #116329; --good-bg: #dafbe1;
  --accent: #0a57c2; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: #fff; }
header, main { max-width: 1160px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 32px 0 8px; }
p { margin: 4px 0; }
.muted { color: var(--muted); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
.summary { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; padding: 0; }
.summary > div { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; background: var(--soft); }
.summary dt { font-size: 13px; color: var(--muted); }
.summary dd { margin: 0; font-size: 28px; font-weight: 700; }
.summary dd small { font-size: 15px; font-weight: 400; color: var(--muted); }
.summary .errors dd { color: var(--error); }
.summary .warnings dd { color: var(--warn); }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 0 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); font-size: 13px; border-bottom: 2px solid var(--line); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.rules td.bar-cell { width: 42%; }
.bar { display: inline-flex; width: calc(100% - 150px); min-width: 120px; height: 14px; background: var(--soft);
  border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .bar-error { background: var(--error); }
.bar .bar-warn { background: #d4a72c; }
.bar-label { display: inline-block; margin-left: 8px; font-variant-numeric: tabular-nums; }
.legend { margin: 6px 0 0; font-size: 13px; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.swatch.error { background: var(--error); }
.swatch.warn { background: #d4a72c; margin-left: 12px; }
button { font: inherit; font-size: 13px; color: var(--accent); background: #fff; border: 1px solid var(--line);
  border-radius: 6px; padding: 2px 8px; margin-top: 4px; cursor: pointer; display: block; }
button:hover { background: var(--soft); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 8px 0 12px; padding: 10px 12px;
  background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
.filter label { font-weight: 600; }
.filter select { font: inherit; padding: 3px 6px; }
.filter p { margin: 0 0 0 auto; }
.macros th[scope=row] { font-weight: 400; width: 20%; }
.macro-title { font-weight: 600; display: block; overflow-wrap: anywhere; }
.where { display: block; color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.tag { display: inline-block; font-size: 12px; border: 1px solid var(--line); border-radius: 10px; padding: 0 7px;
  margin: 3px 4px 0 0; color: var(--muted); }
.score-badge { display: inline-block; min-width: 46px; text-align: center; font-weight: 700; font-size: 17px;
  border-radius: 6px; padding: 2px 6px; }
.score-low { background: var(--error-bg); color: var(--error); }
.score-mid { background: var(--warn-bg); color: var(--warn); }
.score-high { background: var(--good-bg); color: var(--good); }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; padding: 8px 10px; margin: 0 0 8px; }
.finding.error { border-left-color: var(--error); }
.finding.warn { border-left-color: #d4a72c; }
.finding-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.severity { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border-radius: 4px; padding: 0 6px; }
.severity.error { background: var(--error-bg); color: var(--error); }
.severity.warn { background: var(--warn-bg); color: var(--warn); }
.location { color: var(--muted); overflow-wrap: anywhere; }
.rule-id { font-weight: 600; }
.message { margin: 4px 0; }
.source { margin: 6px 0; padding: 6px 8px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px;
  white-space: pre-wrap; overflow-wrap: anywhere; }
.source .row { display: flex; }
.source .ln { flex: none; width: 3.5em; padding-right: 10px; color: var(--muted); text-align: right; user-select: none; }
.source .text { flex: 1; min-width: 0; }
.source mark { color: inherit; border-radius: 2px; padding: 1px 0; }
.source mark.error { background: #ffcecb; box-shadow: inset 0 -2px 0 var(--error); }
.source mark.warn { background: #fff1a8; box-shadow: inset 0 -2px 0 #b08800; }
.source mark.at { padding: 0 1px; border-left: 2px solid var(--text); background: none; box-shadow: none; }
.clipped { color: var(--muted); }
.changes { margin: 6px 0 0; padding-left: 18px; }
.changes li { margin: 2px 0; }
.change { display: block; font-size: 13px; color: var(--muted); }
del, ins { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; white-space: pre-wrap;
  border-radius: 3px; padding: 0 2px; color: var(--text); }
del { background: #ffebe9; }
ins { background: #dafbe1; text-decoration: none; }
.none { color: var(--muted); margin: 0; }
footer { max-width: 1160px; margin: 32px auto; padding: 0 20px; color: var(--muted); font-size: 13px; }
@media print { .filter, button { display: none !important; } .finding { break-inside: avoid; } }
`;
