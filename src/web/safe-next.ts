/** Where sign-in sends a user when `next` is missing or not a path of this app. */
const HOME = '/queue';
const BASE = 'http://intake.invalid';

/**
 * The page to go to after sign-in: only a path of this app, judged after URL parsing as a browser
 * does it (which drops tabs and newlines and reads `\` as `/`, so `/%09/evil.example/` and
 * `/\evil.example` lead elsewhere). The parsed path is what is returned, never the raw text.
 */
export function safeNext(next: string | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith('/')) return HOME;
  let url: URL;
  try {
    url = new URL(next, BASE);
    // A second parse of the decoded text catches an encoded tab or slash the browser would undo.
    const decoded = new URL(decodeURIComponent(next), BASE);
    if (decoded.origin !== BASE) return HOME;
  } catch {
    return HOME;
  }
  if (url.origin !== BASE) return HOME;
  const target = `${url.pathname}${url.search}`;
  // A path that starts with two slashes would read as another host when sent as a Location.
  return /^\/[^/\\]/.test(target) || target === '/' ? target : HOME;
}
