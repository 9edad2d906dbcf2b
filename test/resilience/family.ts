/**
 * A family's phone over real HTTP, without JavaScript: keeps its cookies and the form token of the
 * first page, never follows redirects, and gives up after a deadline so a hanging answer fails the test.
 */
export class Family {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly base: string, readonly name: string) {}

  /** The Cookie header this phone sends, e.g. to replay its confirm from a load generator. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  csrfToken(): string {
    return this.csrf;
  }

  async get(path: string, timeoutMs = 45_000) {
    return this.send(path, { method: 'GET' }, timeoutMs);
  }

  async post(path: string, fields: Record<string, string>, timeoutMs = 45_000) {
    return this.postTo(this.base, path, fields, timeoutMs);
  }

  /** The same phone sending to another server process (behind a load balancer, say). */
  async postTo(base: string, path: string, fields: Record<string, string>, timeoutMs = 45_000) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...fields }).toString();
    return this.send(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, timeoutMs, base);
  }

  private async send(path: string, init: RequestInit, timeoutMs: number, base = this.base) {
    const started = performance.now();
    const cookie = this.cookieHeader();
    const response = await fetch(base + path, {
      ...init,
      redirect: 'manual',
      headers: { accept: 'text/html', ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: response.status, headers: response.headers, text, ms: performance.now() - started };
  }
}
