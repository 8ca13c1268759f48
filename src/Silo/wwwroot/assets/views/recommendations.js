import { el, money, number } from '../dom.js';

/** Lists recommendations, highest priority first. */
export function renderRecommendations(list, recommendations, currency) {
  const rank = { high: 0, medium: 1, low: 2 };
  const sorted = [...recommendations].sort((a, b) => (rank[a.priority] ?? 3) - (rank[b.priority] ?? 3));
  list.replaceChildren(...sorted.map((r) => el('li', {
    class: `rec ${r.priority ?? 'low'}`,
    dataset: { testid: 'recommendation-item', target: r.target ?? '' },
  },
  el('div', {}, el('span', { class: `pill ${r.priority ?? 'low'}` }, r.priority ?? 'low'), ' ',
    el('strong', {}, r.target ?? ''), ` ${r.current ?? '–'} → ${r.recommended ?? '–'}`,
    r.kind ? el('span', { class: 'muted' }, ` · ${r.kind}`) : null),
  el('div', {}, r.reason ?? ''),
  el('div', { class: 'muted' },
    `confidence ${number((r.confidence ?? 0) * 100, 0)} %`,
    typeof r.monthlySavings === 'number' ? ` · ${money(r.monthlySavings, currency)} / month` : ''))));
  if (sorted.length === 0) list.append(el('li', { class: 'empty' }, 'No recommendations right now.'));
}
