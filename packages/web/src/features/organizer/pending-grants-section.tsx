import { useTranslation } from 'react-i18next';
import type { Area, RoleGrantView } from '@tocsin/core/api/membership';
import { formatDateTime } from '../../lib/time';
import { endpoints } from '../../lib/api';
import { useMe, useSession } from '../session/session-provider';
import { ActionButton } from './action-button';
import { useAction } from './use-action';

interface PendingGrantsProps {
  area: Area;
  /** The pending grants the caller may see (all areas); this section shows the area's. */
  grants: RoleGrantView[];
  onChanged: (message: string) => Promise<void>;
}

/**
 * Roles waiting for a second person in this area: each with who asked and when it lapses, and
 * countersign or refuse for those who may (the one who asked may withdraw it).
 */
export function PendingGrantsSection({ area, grants, onChanged }: PendingGrantsProps) {
  const { t, i18n } = useTranslation();
  const { city } = useSession();
  const me = useMe();
  const { busy, error, run } = useAction();
  const mine = grants.filter((g) => g.areaId === area.id);
  const when = (iso: string) => formatDateTime(iso, i18n.language, city?.timeZone ?? 'UTC');
  const what = (g: RoleGrantView) =>
    t(g.kind === 'grant' ? 'organize.grant.give' : 'organize.grant.take', {
      role: t(`organize.role.${g.role}`),
      handle: g.member.handle,
    });
  const decide = (g: RoleGrantView, how: 'countersign' | 'refuse') =>
    run(async () => {
      if (how === 'countersign') await endpoints.countersignGrant(g.id);
      else await endpoints.refuseGrant(g.id);
      const params = { role: t(`organize.role.${g.role}`), handle: g.member.handle };
      await onChanged(
        t(
          how === 'countersign' ? 'organize.grant.countersigned' : 'organize.grant.refused',
          params,
        ),
      );
    });

  return (
    <section className="card" aria-labelledby="grants-title" data-testid="pending-grants">
      <h2 id="grants-title">{t('organize.grant.title')}</h2>
      <p className="hint">{t('organize.grant.intro')}</p>
      {error ? <p className="notice notice--error">{error}</p> : null}
      {mine.length === 0 ? <p className="hint">{t('organize.grant.none')}</p> : null}
      <ul className="plain-list">
        {mine.map((g) => {
          const asker = g.requestedBy?.id === me.id;
          return (
            <li key={g.id} className="grant" data-grant={g.id}>
              <strong>{what(g)}</strong>
              <br />
              <span className="hint">
                {t('organize.grant.askedBy', {
                  handle: g.requestedBy?.handle ?? '—',
                  when: when(g.expiresAt),
                })}
              </span>
              <div className="grant__actions">
                {g.mayCountersign ? (
                  <ActionButton
                    primary
                    subject={what(g)}
                    disabled={busy}
                    onClick={() => void decide(g, 'countersign')}
                  >
                    {t('organize.grant.countersign')}
                  </ActionButton>
                ) : (
                  <span className="hint">{t('organize.grant.cannotSign')}</span>
                )}
                {g.mayCountersign || asker ? (
                  <ActionButton
                    subject={what(g)}
                    disabled={busy}
                    onClick={() => void decide(g, 'refuse')}
                  >
                    {t(asker ? 'organize.grant.withdraw' : 'organize.grant.refuse')}
                  </ActionButton>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
