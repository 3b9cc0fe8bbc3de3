// The API client's own cookie jar (ss-id, ss-pid, ss-opt): fetch under Node keeps no cookies.

export class CookieJar {
  private readonly cookies = new Map<string, { value: string; expires?: number }>();

  /** Takes the Set-Cookie lines of one answer. */
  store(setCookies: readonly string[], now: number): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let expires: number | undefined;
      for (const attribute of attributes) {
        const [key = '', raw = ''] = attribute.split('=').map((s) => s.trim());
        const lower = key.toLowerCase();
        if (lower === 'max-age' && raw !== '' && Number.isFinite(Number(raw))) expires = now + Number(raw) * 1000;
        else if (lower === 'expires' && expires === undefined && !Number.isNaN(Date.parse(raw)))
          expires = Date.parse(raw);
      }
      if (expires !== undefined && expires <= now) this.cookies.delete(name);
      else this.cookies.set(name, expires === undefined ? { value } : { value, expires });
    }
  }

  /** The Cookie header for the next request, or undefined when the jar is empty. */
  header(now: number): string | undefined {
    const parts: string[] = [];
    for (const [name, cookie] of this.cookies) {
      if (cookie.expires !== undefined && cookie.expires <= now) this.cookies.delete(name);
      else parts.push(`${name}=${cookie.value}`);
    }
    return parts.length ? parts.join('; ') : undefined;
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  clear(): void {
    this.cookies.clear();
  }
}
