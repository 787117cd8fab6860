import { type FormEvent, useEffect, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useLocation } from 'wouter';
import { useAuth } from '../../app/auth';
import { usePageTitle } from '../../components/usePageTitle';
import { MeQuery } from './me';

interface SignInOrganisation {
  code: string;
  name: string;
}

/**
 * "Sign in with your organisation": pick the organisation (or come with `?organisation=code`), and
 * the browser goes to its identity provider (the service's /auth/sign-in). A full navigation by
 * script, not a form post: the page's CSP allows forms to post to this origin only, and the
 * redirect goes on to the provider.
 */
function OrganisationSignIn() {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  const [organisations, setOrganisations] = useState<SignInOrganisation[] | null>(null);
  const [code, setCode] = useState(params.get('organisation') ?? '');
  const problem = params.get('error');
  useEffect(() => {
    let live = true;
    void fetch('/auth/organisations')
      .then((res) =>
        res.ok ? (res.json() as Promise<{ organisations: SignInOrganisation[] }>) : { organisations: [] },
      )
      .then((body) => live && setOrganisations(body.organisations))
      .catch(() => live && setOrganisations([]));
    return () => {
      live = false;
    };
  }, []);
  // A link with ?organisation=code (and nothing gone wrong) goes straight on to the organisation's sign-in.
  const direct = Boolean(!problem && organisations?.some((o) => o.code === params.get('organisation')));
  useEffect(() => {
    if (direct) window.location.assign(`/auth/sign-in?organisation=${encodeURIComponent(code)}`);
  }, [direct, code]);
  if (!organisations?.length) return null;
  return (
    <section aria-labelledby="organisation-sign-in">
      <h2 id="organisation-sign-in">{t('auth.organisationTitle')}</h2>
      {problem ? (
        <div role="alert" className="error-summary" tabIndex={-1}>
          <h2>{t('common.problemTitle')}</h2>
          <ul>
            <li>
              <a href="#organisation">
                {t(
                  `auth.problem.${problem === 'unknown' || problem === 'unavailable' || problem === 'ended' ? problem : 'failed'}`,
                )}
              </a>
            </li>
          </ul>
        </div>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (code) window.location.assign(`/auth/sign-in?organisation=${encodeURIComponent(code)}`);
        }}
      >
        <div className="field">
          <label htmlFor="organisation">{t('auth.organisation')}</label>
          <select id="organisation" className="input" value={code} onChange={(e) => setCode(e.target.value)} required>
            <option value="">{t('auth.chooseOrganisation')}</option>
            {organisations.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('auth.organisationSignIn')}
        </button>
      </form>
    </section>
  );
}

/** Sign in through the organisation's identity provider, or with a token (demos, tools): checked with `me` first. */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.title'));
  const { signIn } = useAuth();
  const client = useClient();
  const [, navigate] = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError(t('auth.tokenMissing'));
      return;
    }
    setBusy(true);
    const result = await client
      .query(
        MeQuery,
        {},
        { requestPolicy: 'network-only', fetchOptions: { headers: { authorization: `Bearer ${value}` } } },
      )
      .toPromise();
    setBusy(false);
    if (result.data) {
      signIn(value);
      navigate('/');
    } else {
      const code = result.error?.graphQLErrors[0]?.extensions?.code;
      setError(
        code === 'UNAUTHENTICATED' ? t('auth.tokenRejected') : (result.error?.message ?? t('common.errorTitle')),
      );
    }
  }

  return (
    <div className="narrow">
      <h1>{t('auth.title')}</h1>
      <OrganisationSignIn />
      <h2>{t('auth.tokenTitle')}</h2>
      <p>{t('auth.intro')}</p>
      {error ? (
        <div role="alert" className="error-summary" tabIndex={-1}>
          <h2>{t('common.problemTitle')}</h2>
          <ul>
            <li>
              <a href="#token">{error}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <Form onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <TextField
          className="field"
          name="token"
          type="password"
          value={token}
          onChange={setToken}
          isInvalid={error !== null}
          autoComplete="off"
        >
          <Label>{t('auth.token')}</Label>
          <Input id="token" className="input" />
          <FieldError className="field-error">{error}</FieldError>
        </TextField>
        <Button type="submit" className="button" isDisabled={busy}>
          {t('auth.signIn')}
        </Button>
      </Form>
    </div>
  );
}
