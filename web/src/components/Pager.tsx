import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Cursor paging forwards and back: the cursors of the pages before this one, the last one's `after`. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1] ?? null,
    hasPrevious: cursors.length > 1,
    previous: () => setCursors((c) => c.slice(0, -1)),
    next: (endCursor: string | null | undefined) => setCursors((c) => [...c, endCursor ?? null]),
  };
}

/** "Previous page" and "Next page" buttons of a connection, shown only where there is such a page. */
export function Pager({
  pages,
  pageInfo,
}: {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}) {
  const { t } = useTranslation();
  if (!pages.hasPrevious && !pageInfo.hasNextPage) return null;
  return (
    <div className="actions">
      {pages.hasPrevious ? (
        <Button className="button button--secondary" onPress={pages.previous}>
          {t('common.previousPage')}
        </Button>
      ) : null}
      {pageInfo.hasNextPage ? (
        <Button className="button button--secondary" onPress={() => pages.next(pageInfo.endCursor)}>
          {t('common.nextPage')}
        </Button>
      ) : null}
    </div>
  );
}
