import { type FormEvent, useState } from 'react';
import { Button, FieldError, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import { useLocation } from 'wouter';
import { useAuth } from '../../app/auth';
import { usePageTitle } from '../../components/usePageTitle';
import { MeQuery } from './me';

/** Sign in with a token (until sign-in through the identity provider lands): checked with `me` first. */
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
