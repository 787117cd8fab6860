import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

const STORAGE_KEY = 'kemkollen.token';

/**
 * The header that marks a request as the web app's own: the service refuses a request authenticated
 * by the session cookie without it (a page on another origin cannot add it without a CORS preflight).
 */
export const CSRF_HEADERS = { 'x-kemkollen-csrf': '1' } as const;

interface AuthState {
  /** The bearer token (sign-in with a token, for demos and tools), or null. */
  token: string | null;
  /** Signed in through the organisation's identity provider: the HttpOnly session cookie, which the page cannot read. */
  session: boolean;
  /** Signed in either way. */
  signedIn: boolean;
  signIn(token: string): void;
  /** Ends the token or the session; a session also ends at the identity provider where it offers that. */
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Does this browser hold a session? Asked once at start: `me` with the cookie (it is HttpOnly). A
 * cookie of a session that has ended (idle, expired, ended by an ADMIN) is cleared by the sign-out
 * route: the service refuses every request that carries it, public pages' too.
 */
async function hasSession(): Promise<boolean> {
  try {
    const res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ query: '{ me { sessionId } }' }),
    });
    const body = (await res.json()) as {
      data?: { me?: { sessionId?: string | null } | null };
      errors?: Array<{ message: string }>;
    };
    if (body.data?.me?.sessionId) return true;
    if (body.errors?.some((e) => /session/.test(e.message)))
      await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: CSRF_HEADERS });
    return false;
  } catch {
    return false;
  }
}

/**
 * Who is signed in: a person through the organisation's identity provider (a server-side session,
 * the browser holding only an HttpOnly cookie), or with a token kept for this browser tab only
 * (sessionStorage: closing the tab signs out).
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(STORAGE_KEY));
  const [session, setSession] = useState<boolean | null>(token ? false : null);
  useEffect(() => {
    if (session !== null) return;
    let live = true;
    void hasSession().then((has) => live && setSession(has));
    return () => {
      live = false;
    };
  }, [session]);
  const signIn = useCallback((next: string) => {
    sessionStorage.setItem(STORAGE_KEY, next);
    setToken(next);
    setSession(false);
  }, []);
  const signOut = useCallback(async () => {
    if (token) {
      sessionStorage.removeItem(STORAGE_KEY);
      setToken(null);
      setSession(false);
      return;
    }
    const res = await fetch('/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: CSRF_HEADERS });
    const next = res.ok ? ((await res.json()) as { redirect?: string }).redirect : null;
    setSession(false);
    // To the provider's own sign-out (RP-initiated logout), which sends the person back to the sign-in page.
    window.location.assign(next ?? '/sign-in');
  }, [token]);
  const value = useMemo(
    () => ({ token, session: session === true, signedIn: Boolean(token) || session === true, signIn, signOut }),
    [token, session, signIn, signOut],
  );
  // Until the session check has answered, nothing is shown (not the anonymous page, then the signed-in one).
  if (session === null) return null;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
