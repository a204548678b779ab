import type { Messages } from '../en';

/** Strings of the app shell, navigation, errors, incident states and times. */
export const common: Pick<
  Messages,
  'app' | 'nav' | 'together' | 'language' | 'errors' | 'state' | 'stateHint' | 'alertKind' | 'time'
> = {
  app: {
    name: 'Tocsin',
    tagline: 'Vecinos que avisan a vecinos',
    skip: 'Saltar al contenido principal',
    loading: 'Cargando…',
    connection: 'Conexión',
    status: {
      live: 'En vivo',
      connecting: 'Conectando…',
      offline: 'Sin conexión',
      unauthorized: 'Sesión cerrada',
      stopped: 'No conectado',
    },
    updateReady: 'Hay una nueva versión de Tocsin lista.',
    updateNow: 'Actualizar',
    notFound: 'Esta página no existe.',
    goHome: 'Ir a las alertas',
    crashed: 'Algo salió mal en esta pantalla.',
    reload: 'Volver a cargar',
    yes: 'Sí',
    cancel: 'Cancelar',
    close: 'Cerrar',
  },
  nav: {
    label: 'Principal',
    home: 'Alertas',
    report: 'Reportar',
    console: 'Despacho',
    respond: 'Responder',
    settings: 'Ajustes',
    plates: 'Placas',
    meetings: 'Reuniones',
    organize: 'Organizar',
    together: 'Juntos',
    tools: 'Herramientas',
    toolsMenu: 'Herramientas de su rol',
  },
  together: {
    title: 'Organizándonos juntos',
    meetings: 'Reuniones, decisiones y elecciones de los comités',
    campaigns: 'Compromisos de huelga que obligan solo si firman suficientes',
    canvass: 'Zonas de tocar puertas y lo que dijeron',
    aid: 'Pide ayuda u ofrécela, en privado',
    council: 'El consejo de la ciudad: escaños, delegados y mandatos',
  },
  language: {
    label: 'Idioma',
  },
  errors: {
    network: 'No hay conexión con el servidor. Revise su internet e inténtelo de nuevo.',
    unauthorized: 'Su sesión se cerró. Vuelva a entrar.',
    forbidden: 'No tiene permiso para hacer esto.',
    not_found: 'No se encontró. Puede que lo hayan quitado o que usted no pueda verlo.',
    invite_invalid:
      'Este enlace de invitación no funciona: ya se usó, lo retiraron o es demasiado viejo. Pida un enlace nuevo a la persona que lo invitó.',
    rate_limited: 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
    validation_failed: 'Revise lo que escribió ({{detail}}).',
    login_failed: 'No se pudo entrar. Inténtelo de nuevo o use un código de recuperación.',
    recovery_failed: 'Este código de recuperación no funciona. Revíselo o pruebe otro.',
    credential_taken: 'Esta clave ya está registrada. Inténtelo de nuevo.',
    passkey_rejected: 'No se aceptó la llave de acceso. Inténtelo de nuevo.',
    probation:
      'Los miembros nuevos todavía no pueden hacer esto. Primero otro miembro tiene que responder por usted.',
    incident_closed: 'Este incidente ya está cerrado.',
    unavailable: 'El servidor está ocupado. Inténtelo de nuevo en un momento.',
    server: 'El servidor tuvo un problema. Inténtelo de nuevo en un momento.',
    unknown: 'Algo salió mal ({{detail}}).',
    passkey_cancelled: 'No se creó ni se usó ninguna llave de acceso. Puede intentarlo de nuevo.',
    key_unsupported:
      'Este navegador no puede crear una clave segura. Actualice su navegador o use otro.',
    organizer_only: 'Solo un organizador de esta zona puede hacer esto.',
    members_only: 'Únase primero a esta zona para ver sus grupos de trabajo.',
    sponsor_cannot_vouch:
      'Usted invitó a esta persona, así que otro miembro tiene que responder por ella. Como organizador, puede aprobarla.',
    not_on_probation: 'Esta persona ya no está esperando aprobación.',
    not_suspended: 'Esta persona no está suspendida.',
    invite_quota:
      'Ya hizo todas las invitaciones que puede por ahora. Inténtelo de nuevo en unos días.',
    invite_gone:
      'Esta invitación de reunión ya se usó por completo, se retiró o venció. Pida una nueva a quien organiza.',
    invite_attempts:
      'Desde esta red llegaron demasiados códigos de invitación que no sirven. Espere un minuto y vuelva a intentarlo.',
    recovery_locked:
      'Demasiados códigos de recuperación equivocados para este apodo. Espere y vuelva a intentarlo más tarde.',
    plate_lookup_rate_limited: 'Consultó muchas placas en la última hora. Inténtelo más tarde.',
    self_grant: 'Nadie puede darse una función a sí mismo ni firmar la suya.',
    sponsor_grant:
      'Usted invitó a esta persona, así que no puede pedir ni firmar sus funciones. Tiene que hacerlo otro organizador.',
    same_granter:
      'Usted pidió esta función: tiene que firmarla un segundo organizador o administrador.',
    admin_only: 'Solo un administrador puede dar o quitar la función de administrador.',
    last_admin: 'La ciudad debe conservar al menos un administrador.',
    admin_role_first:
      'Primero quítele el rol de administrador (otro administrador debe confirmarlo) y luego suspéndalo.',
    grant_expired: 'Esta función esperó más de 72 horas y venció. Pídala de nuevo.',
    grant_decided: 'Esta función ya se decidió.',
    countersign_required:
      'Invítela como miembro o respondedor. Cualquier otra función la tiene que firmar un segundo organizador.',
  },
  state: {
    reported: 'REPORTADO',
    corroborated: 'SIN CONFIRMAR',
    confirmed: 'CONFIRMADO',
    false_alarm: 'FALSA ALARMA',
    ended: 'TODO DESPEJADO',
    merged: 'UNIDO',
  },
  stateHint: {
    reported: 'Por ahora un solo reporte. Se espera a un segundo vecino o a un verificador.',
    corroborated: 'Lo reportaron al menos dos vecinos. Todavía no se ha verificado.',
    confirmed: 'Dos verificadores independientes lo confirmaron.',
    false_alarm: 'Verificado: fue una falsa alarma.',
    ended: 'Ya terminó.',
    merged: 'Se unió con otro reporte del mismo hecho.',
  },
  alertKind: {
    reported: 'Reporte nuevo para verificar',
    unconfirmed: 'Avistamiento sin confirmar',
    confirmed: 'Avistamiento confirmado',
    retraction: 'Falsa alarma',
    all_clear: 'Todo despejado',
    update: 'Actualización',
  },
  time: {
    justNow: 'ahora mismo',
    minutesAgo_one: 'hace {{count}} minuto',
    minutesAgo_other: 'hace {{count}} minutos',
    hoursAgo_one: 'hace {{count}} hora',
    hoursAgo_other: 'hace {{count}} horas',
    daysAgo_one: 'hace {{count}} día',
    daysAgo_other: 'hace {{count}} días',
  },
};
