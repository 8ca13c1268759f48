// The "Optimize" panel: the fleet's cost picture and the open cost recommendations (GET /optimize/recommendations), each
// with its explanation, savings, risk and confidence, the chart that justifies it, and Apply / Dismiss for operators.
// Charts: a right-size shows how much vCPU and memory one instance used (hours per bucket) against the current and the
// recommended size; a schedule shows the instances needed by hour of week against the proposed minimum.
import { byId, el, money, number, show } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 560;
const HEIGHT = 180;
const PAD = { left: 36, right: 10, top: 10, bottom: 26 };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(label, top, ticks, width = WIDTH) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'plot' });
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v) => PAD.top + plotH - (v / top) * plotH;
  for (let i = 0; i <= ticks; i++) {
    const v = (top * i) / ticks;
    root.append(svg('line', { x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v), class: 'grid' }));
    root.append(svg('text', { x: PAD.left - 4, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, number(v, 1)));
  }
  return { root, y, plotW: width - PAD.left - PAD.right };
}

/** Pure: bars and marker positions of a usage histogram ({ unit, current, recommended, bucketWidth, hours[] }). */
export function histogramModel(h) {
  const top = Math.max(1e-9, ...h.hours) * 1.15;
  const span = Math.max(h.bucketWidth * h.hours.length, h.current, h.recommended) || 1;
  return { top, span, bars: h.hours.map((hours, i) => ({ from: i * h.bucketWidth, to: (i + 1) * h.bucketWidth, hours })) };
}

function histogram(h, name) {
  const m = histogramModel(h);
  const { root, y, plotW } = frame(`${name} used per instance, hours per bucket`, m.top, 3);
  const x = (v) => PAD.left + (v / m.span) * plotW;
  for (const bar of m.bars) {
    if (bar.hours <= 0) continue;
    root.append(svg('rect', { x: x(bar.from) + 0.5, width: Math.max(1, x(bar.to) - x(bar.from) - 1), y: y(bar.hours), height: y(0) - y(bar.hours), class: 'bar' }));
  }
  for (const [value, kind, row] of [[h.current, 'current', 1], [h.recommended, 'recommended', 2]]) {
    root.append(svg('line', { x1: x(value), x2: x(value), y1: PAD.top, y2: y(0), class: `marker ${kind}`, 'data-testid': `marker-${kind}` }));
    root.append(svg('text', { x: x(value) - 3, y: PAD.top + 11 * row, class: `tick marker-label ${kind}`, 'text-anchor': 'end' }, `${kind} ${number(value, 2)} ${h.unit}`));
  }
  for (let i = 0; i <= 4; i++) {
    const v = (m.span * i) / 4;
    // The outer labels lean inwards so the right-most one is not cut at the chart's edge.
    const anchor = i === 0 ? 'start' : i === 4 ? 'end' : 'middle';
    root.append(svg('text', { x: x(v), y: HEIGHT - 8, class: 'tick', 'text-anchor': anchor }, `${number(v, 2)} ${h.unit}`));
  }
  return root;
}

/** Pure: hour-of-week bars (mean need), peaks and the proposed minimum as a step line. */
export function scheduleModel(hours) {
  const top = Math.max(1, ...hours.map((h) => Math.max(h.peakNeed ?? 0, h.meanNeed ?? 0, h.proposedMin))) * 1.15;
  return { top, hours };
}

function schedule(chart) {
  const m = scheduleModel(chart.hours);
  const { root, y, plotW } = frame('Instances needed by hour of week against the proposed minimum', m.top, 4, 2 * WIDTH);
  const step = plotW / 168;
  const x = (slot) => PAD.left + slot * step;
  for (const h of m.hours) {
    if (typeof h.meanNeed === 'number') root.append(svg('rect', { x: x(h.hour), width: Math.max(1, step - 0.5), y: y(h.meanNeed), height: y(0) - y(h.meanNeed), class: 'bar' }));
    if (typeof h.peakNeed === 'number') root.append(svg('line', { x1: x(h.hour), x2: x(h.hour) + step, y1: y(h.peakNeed), y2: y(h.peakNeed), class: 'peak' }));
  }
  const path = m.hours.map((h, i) => (i === 0 ? `M${x(h.hour).toFixed(1)},${y(h.proposedMin).toFixed(1)}` : `H${x(h.hour).toFixed(1)} V${y(h.proposedMin).toFixed(1)}`))
    .join(' ') + ` H${x(168).toFixed(1)}`;
  root.append(svg('path', { d: path, class: 'marker recommended', 'data-testid': 'proposed-minimum' }));
  for (let day = 0; day < 7; day++) {
    root.append(svg('text', { x: x(day * 24 + 12), y: HEIGHT - 8, class: 'tick', 'text-anchor': 'middle' }, DAYS[day]));
  }
  return root;
}

function chartFor(rec) {
  const chart = rec.chart;
  if (!chart) return null;
  const box = el('div', { class: 'opt-chart', dataset: { testid: 'recommendation-chart' } });
  if (chart.type === 'usage-histogram') {
    box.append(histogram(chart.cpu, 'vCPU'));
    if (chart.memory) box.append(histogram(chart.memory, 'Memory'));
    box.append(el('div', { class: 'chart-legend' }, el('span', { class: 'legend bar' }, 'hours at that usage, per instance'),
      el('span', { class: 'legend current' }, 'current size'), el('span', { class: 'legend recommended' }, 'recommended size')));
  } else if (chart.type === 'hour-of-week') {
    box.classList.add('wide');
    box.append(schedule(chart));
    box.append(el('div', { class: 'chart-legend' }, el('span', { class: 'legend bar' }, 'mean instances needed'),
      el('span', { class: 'legend peak' }, 'peak needed'), el('span', { class: 'legend recommended' }, 'proposed minimum (UTC)')));
  }
  return box;
}

function savingsText(rec) {
  return rec.monthlySavings >= 0 ? `saves ${money(rec.monthlySavings)} / month` : `costs ${money(-rec.monthlySavings)} / month more`;
}

function card(rec, operate, act) {
  const facts = [savingsText(rec),
    typeof rec.riskPercent === 'number' ? `risk ${number(rec.riskPercent, 1)} %` : null,
    `confidence ${number(rec.confidenceDays, 1)} days`,
    typeof rec.monthlyCostNow === 'number' ? `${money(rec.monthlyCostNow)} → ${money(rec.monthlyCostAfter)} / month` : null].filter(Boolean);
  const item = el('li', { class: 'opt-rec', dataset: { testid: 'optimize-recommendation', kind: rec.kind, target: rec.target, id: rec.id } },
    el('div', { class: 'opt-head' }, el('span', { class: `badge kind-${rec.kind}` }, rec.kind), el('strong', {}, rec.summary)),
    el('p', { class: 'muted', dataset: { testid: 'recommendation-facts' } }, facts.join(' · ')),
    el('ul', { class: 'opt-why' }, ...rec.explanation.map((line) => el('li', {}, line))));
  const chart = chartFor(rec);
  if (chart) item.append(chart);
  if (operate) {
    const reason = el('input', { type: 'text', maxlength: 500, placeholder: 'Reason (required to dismiss)', 'aria-label': `Reason for ${rec.id}`, dataset: { testid: 'recommendation-reason' } });
    const result = el('p', { class: 'result', role: 'status', dataset: { testid: 'recommendation-result' }, hidden: true });
    const apply = el('button', { type: 'button', dataset: { testid: 'recommendation-apply' } }, 'Apply');
    const dismiss = el('button', { type: 'button', class: 'secondary', dataset: { testid: 'recommendation-dismiss' } }, 'Dismiss');
    apply.addEventListener('click', () => act(rec, 'apply', reason.value, result));
    dismiss.addEventListener('click', () => {
      if (!reason.value.trim()) {
        show(result, true, 'Say why it is dismissed (the same proposal will not come back).');
        reason.focus();
        return;
      }
      act(rec, 'dismiss', reason.value, result);
    });
    item.append(el('div', { class: 'opt-actions' }, reason, apply, dismiss), result);
  }
  return item;
}

function renderSummary(summary) {
  const dl = byId('optimize-summary');
  dl.replaceChildren();
  if (!summary) {
    dl.append(el('dt', {}, 'Not computed yet'), el('dd', {}, 'recomputed daily; operators can recompute now'));
    return;
  }
  const goal = summary.costPerAgentHour <= summary.goalCostPerAgentHour ? 'meets' : 'misses';
  const rows = [
    ['Monthly cost now', money(summary.monthlyCost), 'optimize-cost-now'],
    ['With the recommendations', money(summary.monthlyCost - summary.monthlySavings), 'optimize-cost-recommended'],
    ['Waste', `${number(summary.wastePercent, 1)} %`, 'optimize-waste'],
    ['Efficiency', number(summary.efficiency, 2), 'optimize-efficiency'],
    ['Cost per agent-hour', `${money(summary.costPerAgentHour)} (${goal} the ${money(summary.goalCostPerAgentHour)} goal)`, 'optimize-agent-hour'],
  ];
  for (const [term, value, testid] of rows) dl.append(el('dt', {}, term), el('dd', { dataset: { testid } }, value));
}

/** Pure: the line under a partial page ("The newest 100 of 22,014 open recommendations. The rest: …"). */
export function moreText(shown, total) {
  const count = (n) => n.toLocaleString('en-US');
  return `The newest ${count(shown)} of ${count(total)} open recommendations. The rest: autoscaler optimize recommendations --state open --offset ${shown}, or GET /api/autoscaling/optimize/recommendations?state=open&offset=${shown}.`;
}

/** Wires the panel: loads now and on Refresh; operators get Recompute, Apply and Dismiss. */
export function initOptimize(client, api, canOperate) {
  const list = byId('optimize-list');
  const error = byId('optimize-error');
  const recompute = byId('optimize-recompute');
  async function load() {
    try {
      const data = await client().get(`${api}/optimize/recommendations?state=open`);
      renderSummary(data.summary);
      const open = data.recommendations;
      list.replaceChildren(...open.map((rec) => card(rec, canOperate(), act)));
      show(byId('optimize-empty'), open.length === 0);
      show(byId('optimize-more'), data.total > open.length, moreText(open.length, data.total));
      show(error, false);
    } catch (failure) {
      show(error, true, `Recommendations: ${failure.message}`);
    }
  }
  async function act(rec, verb, reason, result) {
    try {
      const body = verb === 'apply' ? { reason: reason.trim() || null } : { reason: reason.trim() };
      const answer = await client().post(`${api}/optimize/recommendations/${encodeURIComponent(rec.id)}/${verb}`, body);
      byId('optimize-result').textContent = `${rec.target} ${rec.kind}: ${answer.outcome}: ${answer.message}`;
      show(byId('optimize-result'), true);
      await load();
    } catch (failure) {
      show(result, true, [failure.message, ...(failure.fieldMessages ?? [])].join(' '));
    }
  }
  show(recompute, canOperate());
  recompute.onclick = async () => {
    recompute.disabled = true;
    show(byId('optimize-result'), true, 'Recomputing every target (seconds per target)…');
    try {
      await client().post(`${api}/optimize/recompute`);
      show(byId('optimize-result'), true, 'Recomputed.');
    } catch (failure) {
      show(error, true, `Recompute: ${failure.message}`);
    } finally {
      recompute.disabled = false;
    }
    await load();
  };
  byId('optimize-refresh').onclick = load;
  return load();
}
