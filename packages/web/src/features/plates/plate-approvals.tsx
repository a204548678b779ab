import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { PlateApproval } from '@tocsin/core/api/rapid-response';
import type { IncidentDetailView as IncidentDetail } from '@tocsin/core/api/views';
import './plates.css';

/** The distinct plates the incident's reports name, as reporters wrote them. */
export function platesOf(incident: IncidentDetail): string[] {
  return [...new Set((incident.reports ?? []).flatMap((report) => report.plates))].sort();
}

/**
 * For verifiers, on a confirmed incident: approve a plate its reports named. Two different
 * verifiers' approvals and a confirmed incident put a plate on the list.
 */
export function PlateApprovals({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<Record<string, PlateApproval>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const plates = platesOf(incident);
  if (plates.length === 0) return null;

  const approve = async (plate: string) => {
    setBusy(plate);
    setError(null);
    try {
      const answer = await endpoints.approvePlate(plate);
      setDone((previous) => ({ ...previous, [plate]: answer }));
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="plate-approvals-title">
      <h2 id="plate-approvals-title">{t('plates.approveTitle')}</h2>
      <p className="hint">{t('plates.approveIntro')}</p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="plain-list" data-testid="plate-approvals">
        {plates.map((plate) => {
          const answer = done[plate];
          return (
            <li key={plate} className="row">
              <span>
                <strong className="plate">{plate}</strong>
                {answer ? (
                  <>
                    <br />
                    <span className="hint" role="status">
                      {answer.listed
                        ? t('plates.nowListed')
                        : t('plates.approvals', { count: answer.approvals })}
                    </span>
                  </>
                ) : null}
              </span>
              {answer ? null : (
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy !== null}
                  onClick={() => void approve(plate)}
                >
                  {t('plates.approve', { plate })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
