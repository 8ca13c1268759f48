// Small DOM and formatting helpers. Data is always inserted as text (never innerHTML), so names and explanations
// from the API cannot inject markup.

/** Creates an element: el('td', { class: 'num', dataset: { testid: 'x' } }, 'text', childNode). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== undefined && child !== null).map(
    (child) => (child instanceof Node ? child : document.createTextNode(String(child)))));
  return node;
}

/** Shows or hides an element and optionally sets its text. */
export function show(node, visible, text) {
  node.hidden = !visible;
  if (text !== undefined) node.textContent = text;
}

export function byId(id) {
  return document.getElementById(id);
}

/** "3 min ago" style relative time for an RFC 3339 timestamp. */
export function ago(timestamp, now = Date.now()) {
  const at = Date.parse(timestamp);
  if (Number.isNaN(at)) return '–';
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return `${Math.max(seconds, 0)} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(at).toLocaleString();
}

export function money(value, currency) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency || 'USD' }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

export function number(value, digits = 1) {
  return typeof value === 'number' && Number.isFinite(value)
    ? value.toLocaleString(undefined, { maximumFractionDigits: digits }) : '–';
}

/** One line describing a scaling event: "decision 3 → 5 by policy:cpu". */
export function describeEvent(event) {
  if (!event) return 'none yet';
  const dry = event.dryRun ? ' (dry run)' : '';
  return `${event.kind} ${event.from} → ${event.to} by ${event.actor}${dry}`;
}
