import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useMe } from '../features/session/session-provider';

/** The screens behind the role menu, and where each one lives. */
const TOOL_PATHS = ['/plates', '/respond', '/dispatch', '/organize'];

/**
 * Where a member goes, at thumb reach, in five tabs at most: alerts, report, plates, the
 * organizing half (meetings, campaigns, door-knocking, mutual aid: one tab) and settings. Someone
 * who holds a role (responder, dispatcher or verifier, organizer) gets one "Tools" menu in the
 * place of plates, holding plates and their role screens, so the bar never grows past five and
 * no label has to break inside a word at 360 px in any language.
 */
export function BottomNav() {
  const { t } = useTranslation();
  const me = useMe();
  const active = me.status === 'active';
  const responder = active && me.roles.some((r) => r.role === 'responder');
  const staff = active && me.roles.some((r) => r.role === 'dispatcher' || r.role === 'verifier');
  const organizer = active && me.roles.some((r) => r.role === 'organizer' || r.role === 'admin');
  const tools = responder || staff || organizer;
  return (
    <nav className="bottom-nav" aria-label={t('nav.label')}>
      <NavLink to="/" end>
        {t('nav.home')}
      </NavLink>
      <NavLink to="/report" className="bottom-nav__report">
        {t('nav.report')}
      </NavLink>
      {tools ? (
        <ToolsMenu responder={responder} staff={staff} organizer={organizer} />
      ) : (
        <NavLink to="/plates">{t('nav.plates')}</NavLink>
      )}
      <NavLink to="/together">{t('nav.together')}</NavLink>
      <NavLink to="/settings">{t('nav.settings')}</NavLink>
    </nav>
  );
}

/**
 * A disclosure button and the list of links it opens above the bar. It closes on a choice, on
 * Escape (the focus goes back to the button), on a tap elsewhere and when the screen changes.
 */
function ToolsMenu({
  responder,
  staff,
  organizer,
}: {
  responder: boolean;
  staff: boolean;
  organizer: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const here = TOOL_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`bottom-nav__tools${here ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls="tools-menu"
        onClick={() => setOpen((o) => !o)}
      >
        {t('nav.tools')}
      </button>
      {open ? (
        <ul id="tools-menu" ref={menu} className="tools-menu" aria-label={t('nav.toolsMenu')}>
          <li>
            <NavLink to="/plates">{t('nav.plates')}</NavLink>
          </li>
          {responder ? (
            <li>
              <NavLink to="/respond">{t('nav.respond')}</NavLink>
            </li>
          ) : null}
          {staff ? (
            <li>
              <NavLink to="/dispatch">{t('nav.console')}</NavLink>
            </li>
          ) : null}
          {organizer ? (
            <li>
              <NavLink to="/organize">{t('nav.organize')}</NavLink>
            </li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}
