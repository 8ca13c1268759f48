// The dashboard's API client: every call carries the key as a bearer credential; errors come back as problem+json and
// are raised as ApiError with the problem's detail and field errors.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field messages, flattened: "replicas: must be between 2 and 10". */
  get fieldMessages() {
    return Object.entries(this.problem.errors ?? {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(', ')}`);
  }
}

export class ApiClient {
  constructor(key, base = '') {
    this.key = key;
    this.base = base;
  }

  headers(extra = {}) {
    return { Authorization: `Bearer ${this.key}`, Accept: 'application/json', ...extra };
  }

  async get(path, signal) {
    return this.send('GET', path, undefined, signal);
  }

  async post(path, body) {
    return this.send('POST', path, body);
  }

  /**
   * A call whose response sets or clears a cookie (the Orleans dashboard session): the browser must be allowed to store
   * it. Every other call omits cookies; the API never accepts one as a credential anyway.
   */
  async withCookies(method, path) {
    return this.send(method, path, undefined, undefined, 'same-origin');
  }

  async send(method, path, body, signal, credentials = 'omit') {
    const response = await fetch(this.base + path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials,
      signal,
    });
    const type = response.headers.get('Content-Type') ?? '';
    const payload = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) throw new ApiError(response.status, payload);
    return payload;
  }
}
