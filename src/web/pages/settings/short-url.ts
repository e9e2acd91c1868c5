/**
 * A webhook URL as the settings show it: host and the path's start, so the secret part of the
 * path (Slack's and Teams' tokens) is not on screen; the whole URL stays in the title.
 */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.length > 18 ? `${parsed.pathname.slice(0, 18)}…` : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}
