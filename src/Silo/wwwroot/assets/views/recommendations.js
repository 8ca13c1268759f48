import { el, money, number } from '../dom.js';

// What the number after the arrow means, per kind: the next evaluation's capacity, or what the policies want but
// behavior holds back.
const LABELS = { 'scale-out': 'scale out', 'scale-in': 'scale in', held: 'held', 'no-data': 'no data' };

/** Lists the targets whose policies want a change (or cannot vote), highest priority first; steady ones are counted. */
export function renderRecommendations(list, recommendations, currency) {
  const rank = { high: 0, medium: 1, low: 2 };
  const open = recommendations.filter((r) => r.kind !== 'steady');
  const steady = recommendations.length - open.length;
  const sorted = [...open].sort((a, b) => (rank[a.priority] ?? 3) - (rank[b.priority] ?? 3));
  list.replaceChildren(...sorted.map((r) => el('li', {
    class: `rec ${r.priority ?? 'low'}`,
    dataset: { testid: 'recommendation-item', target: r.target ?? '', kind: r.kind ?? '' },
  },
  el('div', {}, el('span', { class: `pill ${r.priority ?? 'low'}` }, LABELS[r.kind] ?? r.kind ?? ''), ' ',
    el('strong', {}, r.target ?? ''), ` ${headline(r)}`),
  el('div', { dataset: { testid: 'recommendation-reason' } }, r.reason ?? ''),
  el('div', { class: 'muted' },
    r.kind === 'no-data' ? '' : `confidence ${number((r.confidence ?? 0) * 100, 0)} %`,
    typeof r.monthlySavings === 'number' && r.monthlySavings !== 0 ? ` · ${money(r.monthlySavings, currency)} / month` : ''))));
  if (sorted.length === 0) {
    list.append(el('li', { class: 'empty' }, recommendations.length ? 'Every target is steady.' : 'No targets registered yet.'));
  } else if (steady > 0) {
    list.append(el('li', { class: 'muted' }, `${steady} other target${steady === 1 ? '' : 's'} steady.`));
  }
}

function headline(r) {
  if (r.kind === 'held') return `stays at ${r.recommended ?? '–'} (policies want ${r.proposed ?? '–'})`;
  if (r.kind === 'no-data') return `stays at ${r.current ?? '–'}`;
  return `${r.current ?? '–'} → ${r.recommended ?? '–'}`;
}
