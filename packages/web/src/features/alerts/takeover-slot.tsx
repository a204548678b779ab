import { lazy, Suspense } from 'react';
import { useAlerts } from './alerts-provider';

const TakeoverScreen = lazy(() => import('./takeover'));

/** Where a confirmed alert near me takes the screen; its code loads only when one comes. */
export function TakeoverSlot() {
  const { takeover, dismissTakeover } = useAlerts();
  if (!takeover) return null;
  return (
    <Suspense fallback={null}>
      <TakeoverScreen takeover={takeover} onDismiss={dismissTakeover} />
    </Suspense>
  );
}
