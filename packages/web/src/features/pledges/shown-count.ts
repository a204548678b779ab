import { useTranslation } from 'react-i18next';

/** A count as the server shows it (a number, or "fewer than k") in the reader's language. */
export function useShownCount(): (count: number | string) => string {
  const { t, i18n } = useTranslation();
  return (count) => {
    if (typeof count === 'number') return count.toLocaleString(i18n.language);
    const k = /(\d+)/.exec(count)?.[1] ?? '5';
    return t('pledges.fewerThan', { count: Number(k) });
  };
}
