import { useTranslation } from 'react-i18next';

/** What is left after a panic wipe: a plain page that says nothing about what was here. */
export function WipedScreen({ done }: { done: boolean }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="wiped">
      <p role="status" data-testid="wipe-status">
        {done ? t('settings.wiped') : t('settings.wiping')}
      </p>
    </main>
  );
}
