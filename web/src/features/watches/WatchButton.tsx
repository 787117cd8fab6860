import { ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ApiErrorSummary } from '../../components/ApiErrorSummary';
import type { WatchKind } from '../../gql/graphql';
import { UnwatchMutation, WatchesQuery, WatchMutation } from './watches';

/**
 * Watch a product, a supplier, a requirement, or (CONTRACTS, no target) my organisation's contracts: the
 * service then tells (e-mail, webhooks) when a follow-up is completed on it, a result fails against my
 * contract, a deviation is due. A toggle button (aria-pressed).
 */
export function WatchButton({ kind, targetId, label }: { kind: WatchKind; targetId?: string; label?: string }) {
  const { t } = useTranslation();
  const [watches, reload] = useQuery({ query: WatchesQuery });
  const [watching, watch] = useMutation(WatchMutation);
  const [unwatching, unwatch] = useMutation(UnwatchMutation);
  if (!watches.data) return null;
  const isWatched = watches.data.watches.some(
    (w) => w.kind === kind && (kind === 'CONTRACTS' || w.targetId === targetId),
  );
  return (
    <>
      <ToggleButton
        className="button button--secondary"
        isSelected={isWatched}
        isDisabled={watching.fetching || unwatching.fetching}
        onChange={async (selected) => {
          await (selected ? watch({ kind, targetId }) : unwatch({ kind, targetId }));
          reload({ requestPolicy: 'network-only' });
        }}
      >
        {/* Pressed is shown by a tick and the colour as well as aria-pressed, never by colour alone. */}
        {isWatched ? <span aria-hidden="true">✓ </span> : null}
        {label ?? t('watch.label')}
      </ToggleButton>
      <ApiErrorSummary error={watching.error ?? unwatching.error} />
    </>
  );
}
