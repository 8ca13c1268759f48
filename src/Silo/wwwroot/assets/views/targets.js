import { ago, describeEvent, el } from '../dom.js';

/** Fills the targets table; a row click (or Enter) selects the target. */
export function renderTargets(body, targets, selectedId, onSelect) {
  body.replaceChildren(...targets.map((target) => {
    const row = el('tr', {
      class: target.id === selectedId ? 'selected' : undefined,
      tabindex: 0,
      'aria-selected': target.id === selectedId ? 'true' : 'false',
      dataset: { testid: `target-row-${target.id}`, target: target.id, status: target.status ?? 'unknown' },
    },
    el('th', { scope: 'row' }, target.name || target.id, target.dryRun ? el('span', { class: 'tag' }, 'dry run') : null),
    el('td', {}, el('span', { class: `pill ${target.enabled === false ? 'disabled' : target.status ?? 'unknown'}`, dataset: { testid: 'target-status' } },
      target.enabled === false ? 'disabled' : target.status ?? 'unknown')),
    el('td', { class: 'num', dataset: { testid: 'target-current' } }, target.current ?? '–'),
    el('td', { class: 'num', dataset: { testid: 'target-desired' } }, target.desired ?? '–'),
    el('td', { class: 'num', dataset: { testid: 'target-min' } }, target.min ?? '–'),
    el('td', { class: 'num', dataset: { testid: 'target-max' } }, target.max ?? '–'),
    el('td', { dataset: { testid: 'target-last-decision' }, title: (target.lastDecision?.explanation ?? []).join('\n') },
      describeEvent(target.lastDecision),
      target.lastDecision ? el('span', { class: 'muted' }, ` · ${ago(target.lastDecision.at)}`) : null));
    row.addEventListener('click', () => onSelect(target.id));
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') onSelect(target.id); });
    return row;
  }));
}
