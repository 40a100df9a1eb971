import { useEffect } from 'react';

export const APP_NAME = 'Zorgroute';

/** Sets the document title to "<title> · Zorgroute". */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
