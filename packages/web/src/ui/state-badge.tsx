import { useTranslation } from 'react-i18next';
import type { IncidentState } from '@tocsin/core/incidents/incident';

/** An incident's state in words and colour: UNCONFIRMED, CONFIRMED, FALSE ALARM, ALL CLEAR. */
export function StateBadge({ state }: { state: IncidentState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${state}`} data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}
