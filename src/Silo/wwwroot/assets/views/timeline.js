import { ago, describeEvent, el } from '../dom.js';

/** One timeline entry for a scaling event, explanation lines included. */
export function timelineItem(event) {
  return el('li', { class: `event ${event.kind}`, dataset: { testid: 'timeline-item', kind: event.kind, eventId: event.id ?? '' } },
    el('div', { class: 'event-head' },
      el('strong', {}, event.target ?? ''), ' ', describeEvent(event),
      el('time', { datetime: event.at, title: event.at }, ` · ${ago(event.at)}`)),
    (event.explanation ?? []).length
      ? el('ul', { class: 'explanation' }, ...event.explanation.map((line) => el('li', {}, line)))
      : null);
}

/** Replaces the list with events (newest first). */
export function renderTimeline(list, events) {
  list.replaceChildren(...events.map(timelineItem));
  if (events.length === 0) list.append(el('li', { class: 'empty' }, 'No scaling events yet.'));
}

/** Adds one event at the top, keeping at most limit entries. */
export function prependEvent(list, event, limit = 100) {
  list.querySelector(':scope > li.empty')?.remove();
  list.prepend(timelineItem(event));
  while (list.children.length > limit) list.lastElementChild.remove();
}
