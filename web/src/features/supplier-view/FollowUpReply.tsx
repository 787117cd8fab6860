import { type FormEvent, useState } from 'react';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CommentOnFollowUpMutation, ReleaseReportMutation } from './supplier-view';

/**
 * The supplier's part beside a result: a reply the regions read (commentOnFollowUp) and, when the region
 * asked for it, the consent that the full report may be shared (releaseReport).
 */
export function FollowUpReply({
  followUpId,
  needsRelease,
  onChanged,
}: {
  followUpId: string;
  needsRelease: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [commenting, comment] = useMutation(CommentOnFollowUpMutation);
  const [releasing, release] = useMutation(ReleaseReportMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    if ((await comment({ followUpId, text: text.trim() })).data) {
      setText('');
      onChanged();
    }
  }

  return (
    <div className="panel">
      {needsRelease ? (
        <div className="release">
          <p>{t('supplierView.releaseIntro')}</p>
          <ApiErrorSummary error={releasing.error} />
          <Button
            className="button"
            isDisabled={releasing.fetching}
            onPress={async () => {
              if ((await release({ followUpId })).data) onChanged();
            }}
          >
            {t('supplierView.release')}
          </Button>
        </div>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ApiErrorSummary error={commenting.error} />
        <TextField className="field" value={text} onChange={setText} isInvalid={missing}>
          <Label>{t('supplierView.comment')}</Label>
          <TextArea className="input" rows={2} />
          <FieldError className="field-error">{t('supplierView.commentMissing')}</FieldError>
        </TextField>
        <Button type="submit" className="button button--secondary" isDisabled={commenting.fetching}>
          {t('supplierView.sendComment')}
        </Button>
      </form>
    </div>
  );
}
