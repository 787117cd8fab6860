import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import { CommentOnFollowUpMutation, ReleaseReportMutation } from './supplier-view';

/**
 * The supplier's part beside a result: a reply the regions read (commentOnFollowUp) and, when the region
 * asked for it, the consent that the full report may be shared (releaseReport). The reply's form opens
 * on demand, with the focus in its text box; sent or cancelled, it closes and the focus returns to its button.
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
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  const [missing, setMissing] = useState(false);
  const [commenting, comment] = useMutation(CommentOnFollowUpMutation);
  const [releasing, release] = useMutation(ReleaseReportMutation);

  useEffect(() => {
    if (open) textRef.current?.focus();
    else if (opened.current) toggleRef.current?.focus();
    opened.current ||= open;
  }, [open]);

  function close() {
    setText('');
    setMissing(false);
    setOpen(false);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!text.trim());
    if (!text.trim()) return;
    if ((await comment({ followUpId, text: text.trim() })).data) {
      close();
      onChanged();
    }
  }

  return (
    <>
      {needsRelease ? (
        <div className="panel release">
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
      {open ? (
        <form className="panel" onSubmit={(event) => void submit(event)} noValidate>
          <ApiErrorSummary error={commenting.error} />
          <TextField className="field" value={text} onChange={setText} isInvalid={missing}>
            <Label>{t('supplierView.comment')}</Label>
            <TextArea ref={textRef} className="input" rows={2} />
            <FieldError className="field-error">{t('supplierView.commentMissing')}</FieldError>
          </TextField>
          <div className="actions">
            <Button type="submit" className="button" isDisabled={commenting.fetching}>
              {t('supplierView.sendComment')}
            </Button>
            <Button className="button button--secondary" onPress={close}>
              {t('supplierView.cancelComment')}
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={toggleRef} className="button button--secondary" onPress={() => setOpen(true)}>
          {t('supplierView.writeComment')}
        </Button>
      )}
    </>
  );
}
