/** Small HTTP helpers over fetch (real sockets, loopback). */

export interface Answer {
  status: number;
  body: any;
}

/** One JSON request; throws only when no answer came (connection refused/reset, timeout). */
export async function call(url: string, method: string, path: string, options: { body?: unknown; cookie?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  const res = await fetch(url + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (CSV, HTML): keep the text
  }
  return { status: res.status, body };
}

/** Sign in and return the Cookie header value. */
export async function login(url: string, username: string, password = 'demo'): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('qm_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0];
}
