import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Loading } from '../../ui/loading';
import { usePageTitle } from '../../app/use-page-title';
import { describeError } from '../../lib/api';
import { useAreas } from '../areas/use-areas';
import { useMe } from '../session/session-provider';
import { GroupsSection } from './groups-section';
import { InvitesSection } from './invites-section';
import { MembersSection } from './members-section';
import { isOrganizer, organizedAreas } from './organized-areas';
import { StatsSection } from './stats-section';
import './organizer.css';

// The meeting invite draws QR codes: its code (the qr library) loads only with that section.
const MeetingSection = lazy(() =>
  import('./meeting-section').then((m) => ({ default: m.MeetingSection })),
);

const SECTIONS = ['members', 'invites', 'meeting', 'groups', 'stats'] as const;
type Section = (typeof SECTIONS)[number];
const isSection = (s: string | undefined): s is Section =>
  (SECTIONS as readonly (string | undefined)[]).includes(s);

/** Organizer pages: members and their approval, invites, working groups, statistics of an area. */
export function OrganizerPage() {
  const { t } = useTranslation();
  const me = useMe();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const { areas, error, loading } = useAreas();
  const areaSelectId = useId();
  const section: Section = isSection(params.section) ? params.section : 'members';
  usePageTitle(t('organize.title'));

  const mine = organizedAreas(me, areas);
  const area = mine.find((a) => a.id === search.get('area')) ?? mine[0] ?? null;
  const query = area ? `?area=${area.id}` : '';

  let body: ReactNode;
  if (!isOrganizer(me)) {
    // An organizer still on probation cannot act yet: the server refuses them, so say why.
    const onProbation = me.status === 'probation' && me.roles.some((r) => r.role === 'organizer');
    body = (
      <p className="notice notice--info">
        {onProbation ? t('errors.probation') : t('organize.notOrganizer')}
      </p>
    );
  } else if (!area) {
    body = error ? (
      <p className="notice notice--error">{describeError(error, t)}</p>
    ) : loading ? (
      <Loading />
    ) : (
      <p className="notice notice--info">{t('organize.noAreas')}</p>
    );
  } else {
    body = (
      <>
        <div className="field">
          <label htmlFor={areaSelectId}>{t('organize.area')}</label>
          <select
            id={areaSelectId}
            value={area.id}
            onChange={(event) => setSearch({ area: event.target.value }, { replace: true })}
          >
            {mine.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <nav className="tabs" aria-label={t('organize.sections')}>
          {SECTIONS.map((s) => (
            <Link
              key={s}
              to={`/organize/${s}${query}`}
              aria-current={s === section ? 'page' : undefined}
            >
              {t(`organize.section.${s}`)}
            </Link>
          ))}
        </nav>
        {section === 'members' ? <MembersSection key={area.id} area={area} /> : null}
        {section === 'invites' ? <InvitesSection key={area.id} area={area} areas={areas} /> : null}
        {section === 'meeting' ? (
          <Suspense fallback={<Loading />}>
            <MeetingSection key={area.id} area={area} />
          </Suspense>
        ) : null}
        {section === 'groups' ? <GroupsSection key={area.id} area={area} /> : null}
        {section === 'stats' ? <StatsSection key={area.id} area={area} /> : null}
      </>
    );
  }

  return (
    <section className="page organize" aria-labelledby="organize-title">
      <h1 id="organize-title" tabIndex={-1}>
        {t('organize.title')}
      </h1>
      {body}
    </section>
  );
}
