// The "What if" panel: a target's recorded demand (GET /targets/{id}/trace) replayed against another policy set
// (the target's own, a template expanded for the trace's metrics, or a pasted policy file) through POST /simulate, drawn
// beside what actually ran. Demand is drawn in instances (total / per-instance capacity), like the CLI's reports.
import { byId, el, number, show } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const HEIGHT = 260;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };
let started = false;

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Step-line path of [{ t, v }] (holds until the next point, carried to `to`). */
function steps(points, x, y, to) {
  if (points.length === 0) return '';
  return points.map((p, i) => (i === 0 ? `M${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}` : `H${x(p.t).toFixed(1)} V${y(p.v).toFixed(1)}`)).join(' ')
    + ` H${x(to).toFixed(1)}`;
}

/** Pure: the lines to draw from a trace document and a simulate result. */
export function whatIfModel(trace, result) {
  const metrics = Object.entries(trace.demand ?? {});
  const demand = (trace.trace ?? []).map((entry) => ({
    t: Date.parse(entry.at),
    v: Math.max(0, ...metrics.map(([name, spec]) => (entry.demand?.[name] ?? 0) / spec.perInstance)),
  }));
  const capacity = (points) => (points ?? []).map((p) => ({ t: Date.parse(p.at), v: p.capacity }));
  const from = Math.min(...demand.map((p) => p.t));
  const to = Math.max(...demand.map((p) => p.t), from + 1);
  // Capacity from before the trace starts is carried to its start: the chart shows the trace's span.
  const clip = (points) => points.map((p) => ({ t: Math.max(p.t, from), v: p.v }))
    .filter((p, i, list) => i + 1 === list.length || list[i + 1].t > p.t);
  const simulated = clip(capacity(result.capacity));
  const actual = clip(capacity(trace.recorded?.capacity));
  const all = [...demand, ...simulated, ...actual];
  const top = Math.max(1, ...all.map((p) => p.v)) * 1.1;
  return { demand, simulated, actual, from, to, top };
}

function draw(container, legend, model) {
  container.replaceChildren();
  legend.replaceChildren();
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t) => PAD.left + ((t - model.from) / (model.to - model.from || 1)) * plotW;
  const y = (v) => PAD.top + plotH - (v / model.top) * plotH;
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': 'Demand and capacity', class: 'plot' });
  for (let i = 0; i <= 4; i++) {
    const v = (model.top / 1.1) * (i / 4);
    root.append(svg('line', { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v), class: 'grid' }));
    root.append(svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, Math.round(v)));
    const t = model.from + ((model.to - model.from) * i) / 4;
    const format = model.to - model.from > 2 * 86400000 ? { month: 'short', day: 'numeric', hour: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
    root.append(svg('text', { x: x(t), y: HEIGHT - 8, class: 'tick', 'text-anchor': 'middle' }, new Date(t).toLocaleString([], format)));
  }
  const demandPath = steps(model.demand, x, y, model.to);
  if (demandPath) root.append(svg('path', { d: `${demandPath} V${y(0)} H${x(model.demand[0].t)} Z`, class: 'demand', 'data-testid': 'whatif-demand' }));
  if (model.actual.length) root.append(svg('path', { d: steps(model.actual, x, y, model.to), class: 'actual', 'data-testid': 'whatif-actual' }));
  root.append(svg('path', { d: steps(model.simulated, x, y, model.to), class: 'simulated', 'data-testid': 'whatif-simulated' }));
  container.append(root);
  legend.append(el('span', { class: 'legend demand' }, 'demand (instances needed)'),
    el('span', { class: 'legend simulated' }, 'what if: running capacity'),
    el('span', { class: 'legend actual' }, 'actually ran'));
}

function row(name, summary) {
  const cells = [summary.capacityHours, summary.cost, summary.scaleOuts, summary.scaleIns, summary.peakCapacity];
  const under = typeof summary.underProvisionedSeconds === 'number'
    ? `${number(summary.underProvisionedSeconds / 60, 0)} min (${number(summary.underProvisionedPercent, 2)} %)` : '–';
  return el('tr', { dataset: { testid: 'whatif-row' } }, el('th', { scope: 'row' }, name),
    ...cells.map((v) => el('td', { class: 'num' }, number(v, 2))),
    el('td', { class: 'num' }, under), el('td', { class: 'num' }, number(summary.maxShortfall, 0)), el('td', { class: 'num' }, number(summary.efficiency, 3)));
}

/** Template roles to the trace's metrics: typed `role=metric` pairs, else each role whose default name the trace records. */
function roles(typed, template, metrics) {
  const chosen = {};
  for (const pair of typed.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [role, metric] = pair.split('=').map((p) => p.trim());
    chosen[role] = metric || template.metricRoles?.[role] || role;
  }
  if (Object.keys(chosen).length) return chosen;
  for (const [role, metric] of Object.entries(template.metricRoles ?? {})) if (metrics.includes(metric)) chosen[role] = metric;
  return chosen;
}

async function run(event, client, api, templates) {
  event.preventDefault();
  show(byId('whatif-error'), false);
  const id = byId('whatif-target').value;
  const hours = Number(byId('whatif-range').value);
  const to = new Date();
  const from = new Date(to.getTime() - hours * 3600 * 1000);
  try {
    const trace = await client().get(`${api}/targets/${encodeURIComponent(id)}/trace?from=${from.toISOString()}&to=${to.toISOString()}`);
    const source = byId('whatif-source').value;
    const input = { ...trace };
    if (source === 'custom') {
      const file = JSON.parse(byId('whatif-custom').value);
      input.policies = file.policies;
      if (file.behavior) input.behavior = file.behavior; else delete input.behavior;
    } else if (source !== 'current') {
      const template = templates.find((t) => t.name === source);
      const metrics = roles(byId('whatif-roles').value, template, Object.keys(trace.demand ?? {}));
      if (!Object.keys(metrics).length) throw new Error(`Name the metrics for ${source}: role=metric (roles: ${Object.keys(template.metricRoles ?? {}).join(', ')})`);
      const file = await client().post(`${api}/templates/${encodeURIComponent(source)}/expand`, { metrics });
      input.policies = file.policies;
      if (file.behavior) input.behavior = file.behavior; else delete input.behavior;
    }
    const result = await client().post(`${api}/simulate?summaryOnly=true`, input);
    draw(byId('whatif-chart'), byId('whatif-legend'), whatIfModel(trace, result));
    byId('whatif-rows').replaceChildren(row(source === 'current' ? 'what if: current policies' : `what if: ${source}`, result.summary),
      ...(result.recorded ? [row('actually ran', result.recorded.summary)] : []));
    show(byId('whatif-result'), true);
  } catch (error) {
    const fields = error.fieldMessages?.length ? ` (${error.fieldMessages.join('; ')})` : '';
    show(byId('whatif-error'), true, `${error.message}${fields}`);
  }
}

/** Wires the panel once signed in: fills the target and template lists, runs on submit. */
export async function initWhatIf(client, api) {
  const fillTargets = async () => {
    const list = await client().get(`${api}/targets`);
    const select = byId('whatif-target');
    const keep = select.value;
    select.replaceChildren(...(list.targets ?? []).map((t) => el('option', { value: t.id }, t.id)));
    if (keep) select.value = keep;
  };
  await fillTargets().catch(() => {});
  if (started) return;
  started = true;
  const templates = (await client().get(`${api}/templates`).catch(() => ({ templates: [] }))).templates ?? [];
  byId('whatif-source').replaceChildren(el('option', { value: 'current' }, "the target's own policies"),
    ...templates.map((t) => el('option', { value: t.name }, `template: ${t.name}`)), el('option', { value: 'custom' }, 'a policy file (JSON)'));
  byId('whatif-source').addEventListener('change', () => {
    const value = byId('whatif-source').value;
    show(byId('whatif-roles-label'), value !== 'current' && value !== 'custom');
    show(byId('whatif-custom-label'), value === 'custom');
  });
  byId('whatif-target').addEventListener('focus', () => fillTargets().catch(() => {}));
  byId('whatif-form').addEventListener('submit', (event) => run(event, client, api, templates));
}
