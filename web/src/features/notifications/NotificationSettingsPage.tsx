import { type FormEvent, useState } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  FieldError,
  Input,
  Label,
  Radio,
  RadioGroup,
  Text,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { type FieldProblem, FieldProblemSummary, useFieldProblems } from '../../components/FieldProblems';
import { useFormat } from '../../components/format';
import { QueryState } from '../../components/QueryState';
import { ShownOnce } from '../../components/ShownOnce';
import { usePageTitle } from '../../components/usePageTitle';
import type { EmailMode, NotificationReason } from '../../gql/graphql';
import {
  CreateWebhookMutation,
  EnableWebhookMutation,
  NotificationSettingsQuery,
  SetEmailNotificationsMutation,
} from './notifications';
import { WebhookDeliveries } from './WebhookDeliveries';

const MODES: EmailMode[] = ['IMMEDIATE', 'DAILY_DIGEST', 'OFF'];
export const REASONS: NotificationReason[] = [
  'FOLLOW_UP_COMPLETED',
  'CONTRACT_FAIL',
  'DEVIATION_DUE',
  'DEVIATION_OVERDUE',
  'REUSE_RETRACTED',
  'SUPPLIER_ANSWER',
];

/** How a receiver checks a delivery (Node.js), shown beside the secret. */
const VERIFY_SAMPLE = `const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
const given = request.headers['x-kemkollen-signature'] ?? '';
const ok = given.length === expected.length &&
  crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));`;

/**
 * How I am told when something I watch changes: by e-mail (at once, a daily digest, or not at all)
 * and by webhooks to other tools (their secret shown once, how to check the signature, turned on again
 * after failures, and each one's delivery log).
 */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [{ data, fetching, error }, reload] = useQuery({ query: NotificationSettingsQuery });
  const refresh = () => reload({ requestPolicy: 'network-only' });
  if (!data) return <QueryState fetching={fetching} error={error} />;
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p>{t('notifications.intro')}</p>
      <EmailSettings current={data.emailNotifications} />
      <Webhooks webhooks={data.webhooks} onChanged={refresh} />
      <CreateWebhook onCreated={refresh} />
    </>
  );
}

function EmailSettings({ current }: { current: EmailMode }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<EmailMode>(current);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetEmailNotificationsMutation);
  return (
    <form
      className="panel"
      aria-labelledby="email-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        if ((await save({ mode })).data) setSaved(true);
      }}
    >
      <h2 id="email-heading">{t('notifications.email')}</h2>
      <ApiErrorSummary error={state.error} />
      <RadioGroup
        className="field"
        value={mode}
        onChange={(value) => {
          setMode(value as EmailMode);
          setSaved(false);
        }}
      >
        <Label>{t('notifications.emailMode')}</Label>
        {MODES.map((m) => (
          <Radio key={m} value={m} className="radio">
            {t(`emailMode.${m}`)}
          </Radio>
        ))}
      </RadioGroup>
      <Button type="submit" className="button" isDisabled={state.fetching}>
        {t('notifications.saveEmail')}
      </Button>
      <p role="status" className="meta">
        {saved ? t('notifications.emailSaved', { mode: t(`emailMode.${mode}`) }) : ''}
      </p>
    </form>
  );
}

interface WebhookShown {
  id: string;
  url: string;
  events: NotificationReason[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt?: string | null;
}

function Webhooks({ webhooks, onChanged }: { webhooks: readonly WebhookShown[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [shown, setShown] = useState<string | null>(null);
  const [state, enable] = useMutation(EnableWebhookMutation);
  return (
    <section aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t('notifications.webhooks')}</h2>
      <ApiErrorSummary error={state.error} />
      {webhooks.length === 0 ? (
        <p>{t('notifications.noWebhooks')}</p>
      ) : (
        <table className="table">
          <caption>{t('notifications.webhookCount', { count: webhooks.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('notifications.url')}</th>
              <th scope="col">{t('notifications.events')}</th>
              <th scope="col">{t('notifications.state')}</th>
              <th scope="col">{t('notifications.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.map((w) => (
              <tr key={w.id}>
                <th scope="row" className="break">
                  {w.url}
                </th>
                <td>{w.events.map((e) => t(`reason.${e}`)).join(', ')}</td>
                <td>
                  {w.enabled
                    ? t('notifications.enabled')
                    : t('notifications.disabled', { date: f.dateTime(w.disabledAt) })}
                  {w.consecutiveFailures > 0 ? (
                    <span className="meta"> ({t('notifications.failures', { count: w.consecutiveFailures })})</span>
                  ) : null}
                </td>
                <td>
                  <div className="actions">
                    {!w.enabled ? (
                      <Button
                        className="button"
                        isDisabled={state.fetching}
                        aria-label={t('notifications.enableFor', { url: w.url })}
                        onPress={async () => {
                          if ((await enable({ id: w.id })).data) onChanged();
                        }}
                      >
                        {t('notifications.enable')}
                      </Button>
                    ) : null}
                    <Button
                      className="button button--secondary"
                      aria-label={t('notifications.showDeliveriesFor', { url: w.url })}
                      aria-expanded={shown === w.id}
                      onPress={() => setShown(shown === w.id ? null : w.id)}
                    >
                      {t('notifications.showDeliveries')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown ? <WebhookDeliveries webhookId={shown} url={webhooks.find((w) => w.id === shown)?.url ?? ''} /> : null}
    </section>
  );
}

function CreateWebhook({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([...REASONS]);
  const { problems, report, problemOf, summaryRef } = useFieldProblems<'url' | 'events'>();
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [state, create] = useMutation(CreateWebhookMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem<'url' | 'events'>[] = [];
    if (!url.trim()) found.push({ field: 'url', text: t('notifications.urlMissing') });
    else if (!/^https?:\/\/\S+$/i.test(url.trim())) found.push({ field: 'url', text: t('notifications.urlFormat') });
    if (events.length === 0) found.push({ field: 'events', text: t('notifications.eventsMissing') });
    if (!report(found)) return;
    const answer = await create({ url: url.trim(), events: events as NotificationReason[] });
    if (answer.data) {
      setCreated({ url: answer.data.createWebhook.webhook.url, secret: answer.data.createWebhook.secret });
      setUrl('');
      onCreated();
    }
  }

  return (
    <form className="panel" aria-labelledby="new-webhook-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="new-webhook-heading">{t('notifications.newWebhook')}</h2>
      {created ? (
        <ShownOnce
          title={t('notifications.secretTitle')}
          intro={t('notifications.secretOnce', { url: created.url })}
          label={t('notifications.secret')}
          value={created.secret}
          done={t('notifications.secretSaved')}
          onDone={() => setCreated(null)}
        >
          <p>{t('notifications.verifyIntro')}</p>
          <pre className="code">
            <code>{VERIFY_SAMPLE}</code>
          </pre>
          <p>{t('notifications.verifyIdempotency')}</p>
        </ShownOnce>
      ) : null}
      <FieldProblemSummary problems={problems} idPrefix="webhook" summaryRef={summaryRef} />
      <ApiErrorSummary error={state.error} />
      <TextField className="field" value={url} onChange={setUrl} isInvalid={!!problemOf('url')} id="webhook-url">
        <Label>{t('notifications.url')}</Label>
        <Text slot="description" className="field-hint">
          {t('notifications.urlHint')}
        </Text>
        <Input className="input" type="url" autoComplete="off" />
        <FieldError className="field-error">{problemOf('url')}</FieldError>
      </TextField>
      <CheckboxGroup
        className="field"
        value={events}
        onChange={setEvents}
        isInvalid={!!problemOf('events')}
        id="webhook-events"
      >
        <Label>{t('notifications.events')}</Label>
        {REASONS.map((r) => (
          <Checkbox key={r} value={r} className="checkbox">
            <span className="checkbox__box" aria-hidden="true" />
            {t(`reason.${r}`)}
          </Checkbox>
        ))}
        <FieldError className="field-error">{problemOf('events')}</FieldError>
      </CheckboxGroup>
      <Button type="submit" className="button" isDisabled={state.fetching}>
        {t('notifications.create')}
      </Button>
    </form>
  );
}
