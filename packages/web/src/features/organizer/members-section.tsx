import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, endpoints } from '../../lib/api';
import type { Area } from '@tocsin/core/api/membership';
import { MemberRow } from './member-row';
import { PendingGrantsSection } from './pending-grants-section';
import { useLoad } from './use-load';

/** The members of an area: those waiting for approval first, then everyone with their roles. */
export function MembersSection({ area }: { area: Area }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const { data, error, reload } = useLoad(
    useCallback(() => endpoints.areaMembers(area.id), [area.id]),
  );
  const grants = useLoad(endpoints.roleGrants);
  const members = data ?? [];
  const waiting = members.filter((m) => m.status === 'probation');
  const changed = async (message: string) => {
    setDone(message);
    await Promise.all([reload(), grants.reload()]);
  };

  return (
    <>
      {error ? <p className="notice notice--error">{describeError(error, t)}</p> : null}
      <p className="notice notice--ok" role="status" hidden={!done}>
        {done}
      </p>
      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">{t('organize.member.waiting', { count: waiting.length })}</h2>
        {data && waiting.length === 0 ? (
          <p className="hint">{t('organize.member.waitingNone')}</p>
        ) : null}
        <ul className="plain-list" data-testid="waiting">
          {waiting.map((member) => (
            <MemberRow key={member.id} member={member} area={area} onChanged={changed} approval />
          ))}
        </ul>
      </section>
      <PendingGrantsSection area={area} grants={grants.data ?? []} onChanged={changed} />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">
          {t('organize.member.all', { count: members.length, area: area.name })}
        </h2>
        <ul className="plain-list" data-testid="members">
          {members.map((member) => (
            <MemberRow key={member.id} member={member} area={area} onChanged={changed} />
          ))}
        </ul>
      </section>
    </>
  );
}
