import { useEffect } from 'react';

/** Each page says where the user is in the document title (WCAG 2.4.2). */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – kemkollen`;
  }, [title]);
}
