// ServiceStack GET query strings: every request field, PascalCase keys, list values comma-separated.

type QueryValue = string | number | boolean | readonly string[] | undefined;

export function toQueryString(request: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request) as [string, QueryValue][]) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    const name = key.charAt(0).toUpperCase() + key.slice(1);
    params.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
