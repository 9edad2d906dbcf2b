import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type HTMLElement, parse } from 'node-html-parser';

/**
 * A family's browser without JavaScript: keeps cookies, reads the CSRF token from the last page,
 * and posts forms the way a browser does (application/x-www-form-urlencoded).
 */
export class Browser {
  private cookies = new Map<string, string>();
  private csrfToken = '';
  last!: LightMyRequestResponse;

  constructor(private readonly app: FastifyInstance, private readonly headers: Record<string, string> = {}) {}

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.requestHeaders() }));
  }

  /** Posts a form; the CSRF token of the last page is added unless the test passes its own. */
  async post(url: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    const body = new URLSearchParams();
    if (options.csrf !== false && !('_csrf' in fields)) body.append('_csrf', this.csrfToken);
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.remember(await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { ...this.requestHeaders(), 'content-type': 'application/x-www-form-urlencoded' },
    }));
  }

  /** Follows one redirect, as a browser would after a 303. */
  async follow(): Promise<LightMyRequestResponse> {
    const location = this.last.headers.location;
    if (typeof location !== 'string') throw new Error(`No redirect to follow (status ${this.last.statusCode})`);
    return this.get(location);
  }

  html(): HTMLElement {
    return parse(this.last.body);
  }

  private requestHeaders() {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("; ");
    return { accept: 'text/html', ...this.headers, ...(cookie ? { cookie } : {}) };
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = parse(response.body || '').querySelector('input[name="_csrf"]')?.getAttribute('value');
    if (token) this.csrfToken = token;
    this.last = response;
    return response;
  }
}

export const text = (html: HTMLElement, selector: string) => html.querySelector(selector)?.text.replace(/\s+/g, ' ').trim();

/** Signs a staff member in through the real login form and returns their browser. */
export async function signIn(app: FastifyInstance, orgSlug: string, email: string, password: string): Promise<Browser> {
  const browser = new Browser(app);
  await browser.get(`/de/${orgSlug}/staff/login`);
  const response = await browser.post(`/de/${orgSlug}/staff/login`, { email, password });
  if (response.statusCode !== 303) throw new Error(`Login of ${email} failed with ${response.statusCode}`);
  return browser;
}
