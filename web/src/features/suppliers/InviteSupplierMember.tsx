import { type FormEvent, useState } from 'react';
import { Button, FieldError, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { ShownOnce } from '../../components/ShownOnce';
import { type FieldProblem, FieldProblemSummary, useFieldProblems } from '../../components/FieldProblems';
import { InviteSupplierMemberMutation } from './supplier';

type Field = 'name' | 'email';

/**
 * Invites a person of the supplier (inviteSupplierMember): a member of the supplier's own organisation
 * who sees its SHARED results and answers deviations. The token is shown this once, to hand over.
 */
export function InviteSupplierMember({ supplierId, supplierName }: { supplierId: string; supplierName: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { problems, report, problemOf, summaryRef } = useFieldProblems<Field>();
  const [invited, setInvited] = useState<{ name: string; token: string } | null>(null);
  const [state, invite] = useMutation(InviteSupplierMemberMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldProblem<Field>[] = [];
    if (!name.trim()) found.push({ field: 'name', text: t('invite.nameMissing') });
    if (!email.trim()) found.push({ field: 'email', text: t('invite.emailMissing') });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.push({ field: 'email', text: t('invite.emailFormat') });
    if (!report(found)) return;
    const answer = await invite({ supplierId, name: name.trim(), email: email.trim() });
    if (answer.data) {
      setInvited({
        name: answer.data.inviteSupplierMember.principal.name,
        token: answer.data.inviteSupplierMember.token,
      });
      setName('');
      setEmail('');
    }
  }

  return (
    <form className="panel" aria-labelledby="invite-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="invite-heading">{t('invite.title')}</h2>
      <p>{t('invite.intro', { supplier: supplierName })}</p>
      {invited ? (
        <ShownOnce
          title={t('invite.done', { name: invited.name })}
          intro={t('invite.tokenOnce')}
          label={t('invite.token')}
          value={invited.token}
          done={t('invite.tokenSaved')}
          onDone={() => setInvited(null)}
        />
      ) : null}
      <FieldProblemSummary problems={problems} idPrefix="invite" summaryRef={summaryRef} />
      <ApiErrorSummary error={state.error} />
      <TextField className="field" value={name} onChange={setName} isInvalid={!!problemOf('name')} id="invite-name">
        <Label>{t('invite.name')}</Label>
        <Input className="input" autoComplete="off" />
        <FieldError className="field-error">{problemOf('name')}</FieldError>
      </TextField>
      <TextField className="field" value={email} onChange={setEmail} isInvalid={!!problemOf('email')} id="invite-email">
        <Label>{t('invite.email')}</Label>
        <Input className="input" type="email" autoComplete="off" />
        <FieldError className="field-error">{problemOf('email')}</FieldError>
      </TextField>
      <Button type="submit" className="button" isDisabled={state.fetching}>
        {t('invite.submit')}
      </Button>
    </form>
  );
}
