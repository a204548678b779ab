import { useCallback, useState } from 'react';
import type { AlertMessage } from '../../lib/stream';

/** Alerts that arrived while the app was open, newest first (five at most), until dismissed. */
export function useBanners(): {
  banners: AlertMessage[];
  show: (alert: AlertMessage) => void;
  dismiss: (alertId: string) => void;
} {
  const [banners, setBanners] = useState<AlertMessage[]>([]);
  const show = useCallback(
    (alert: AlertMessage) => setBanners((current) => [alert, ...current].slice(0, 5)),
    [],
  );
  const dismiss = useCallback(
    (alertId: string) => setBanners((current) => current.filter((a) => a.id !== alertId)),
    [],
  );
  return { banners, show, dismiss };
}
