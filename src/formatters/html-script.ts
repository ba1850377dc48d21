// The HTML report's only script: the rule filter. Without it the page still shows every finding; the
// filter stays hidden. The page's Content-Security-Policy allows this exact text (by its hash) and no other.
export const REPORT_SCRIPT = `
(() => {
  'use strict';
  const filter = document.getElementById('filter');
  const select = document.getElementById('rule-filter');
  const status = document.getElementById('visible-count');
  if (!filter || !select || !status) return;
  const findings = [...document.querySelectorAll('.finding')];
  const groups = [...document.querySelectorAll('[data-finding-group]')];
  const total = findings.length;
  const count = (n) => n + (n === 1 ? ' finding' : ' findings');

  function apply() {
    const rule = select.value;
    const all = rule === '*';
    let shown = 0;
    for (const finding of findings) {
      const show = all || finding.dataset.rule === rule;
      finding.hidden = !show;
      if (show) shown += 1;
    }
    // With one rule chosen, macros and sections without a finding of it step aside.
    for (const group of groups) group.hidden = !all && !group.querySelector('.finding:not([hidden])');
    const label = select.selectedOptions[0] ? select.selectedOptions[0].dataset.label : rule;
    status.textContent = all ? 'Showing all ' + count(total) : 'Showing ' + shown + ' of ' + count(total) + ': ' + label;
  }

  select.addEventListener('change', apply);
  for (const button of document.querySelectorAll('button[data-show-rule]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      select.value = button.dataset.showRule;
      apply();
      filter.scrollIntoView();
      select.focus();
    });
  }
  filter.hidden = false;
  apply(); // a browser may restore the last choice when the page is reopened
})();
`;
