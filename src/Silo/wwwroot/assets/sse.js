// Server-sent events read with fetch(), so the request can carry the Authorization header (EventSource cannot, and a
// key in the query string would end up in logs). Reconnects with backoff until the signal aborts.

/** Incremental text/event-stream parser. feed() returns the complete messages in the text so far. */
export class SseParser {
  constructor() {
    this.buffer = '';
    this.reset();
    this.lastEventId = '';
    this.retry = undefined;
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = undefined;
  }

  feed(text) {
    this.buffer += text;
    const messages = [];
    let newline;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      // A lone \r at the end may be the first half of \r\n: wait for more text.
      if (width === 1 && this.buffer[newline] === '\r' && newline === this.buffer.length - 1) break;
      this.buffer = this.buffer.slice(newline + width);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  line(line) {
    if (line === '') {
      const message = this.data.length > 0
        ? { event: this.event || 'message', data: this.data.join('\n'), id: this.lastEventId }
        : undefined;
      this.reset();
      return message;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
    return undefined;
  }
}

/**
 * Streams events from url until signal aborts. Calls onMessage({event, data, id}) per message and onState('open' |
 * 'retrying' | 'unauthorized' | 'closed').
 */
export async function streamEvents(url, key, { onMessage, onState, signal }) {
  let delay = 1000;
  let lastEventId = '';
  while (!signal.aborted) {
    try {
      const headers = { Authorization: `Bearer ${key}`, Accept: 'text/event-stream' };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url, { headers, cache: 'no-store', credentials: 'omit', signal });
      if (response.status === 401 || response.status === 403) {
        onState('unauthorized');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState('open');
      delay = 1000;
      const parser = new SseParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.feed(value)) {
          lastEventId = message.id || lastEventId;
          onMessage(message);
        }
      }
      if (parser.retry) delay = parser.retry;
    } catch (error) {
      if (signal.aborted) break;
    }
    if (signal.aborted) break;
    onState('retrying');
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 30000);
  }
  onState('closed');
}

function sleep(milliseconds, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, milliseconds);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
