import { fastifyCookie } from '@fastify/cookie';

/** The header a cookie-authenticated request must carry (see `csrfRefusal`). */
export const CSRF_HEADER = 'x-kemkollen-csrf';

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** One cookie of a request's Cookie header. */
export function cookieOf(headers: Headers, name: string): string | undefined {
  const header = first(headers.cookie);
  return header ? fastifyCookie.parse(header)[name] : undefined;
}

/**
 * The web app's origin: PUBLIC_URL when set (behind a proxy), else this request's own scheme and Host
 * (the web app is served by the service itself, so its origin is the service's).
 */
export function ownOrigin(headers: Headers, publicUrl: string | null, encrypted = false): string {
  if (publicUrl) return publicUrl;
  return `${encrypted ? 'https' : 'http'}://${first(headers.host) ?? 'localhost'}`;
}

/**
 * Why a cookie-authenticated request is refused as a possible cross-site request forgery, or null.
 *
 * Two checks, both needed: (1) the custom header X-Kemkollen-CSRF, which a page on another origin
 * cannot add to a request without a CORS preflight that this service never grants (and which an
 * HTML form cannot send at all); (2) the Origin header, when the browser sends one (it always does
 * for a POST and a WebSocket), must be the web app's own. SameSite=Lax on the cookie already keeps
 * it off cross-site POSTs in current browsers; these checks do not depend on that.
 * `requireHeader: false` for the WebSocket upgrade, where a browser cannot set headers: there
 * the Origin is required instead.
 */
export function csrfRefusal(headers: Headers, allowedOrigin: string, requireHeader = true): string | null {
  const origin = first(headers.origin);
  if (requireHeader && !first(headers[CSRF_HEADER]))
    return `a signed-in request must carry the ${CSRF_HEADER} header (kemkollen's web app sends it)`;
  if (!requireHeader && !origin) return 'a signed-in WebSocket connection must come from the web app (no Origin)';
  if (origin !== undefined && origin !== allowedOrigin)
    return `a signed-in request from ${origin} is refused: only the web app's own origin (${allowedOrigin}) may use the session`;
  return null;
}
