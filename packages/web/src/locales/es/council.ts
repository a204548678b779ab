import type { Messages } from '../en';

/** Spanish strings of the citywide council. */
export const council: Pick<Messages, 'council'> = {
  council: {
    title: 'Consejo de la ciudad',
    intro:
      'Cada comité de barrio y de lugar de trabajo envía delegados. Los comités dan mandato a sus delegados en cada punto y ven cómo votaron.',
    back: 'Volver al consejo',
    next: {
      title: 'Próxima reunión del consejo',
      none: 'No hay ninguna reunión del consejo programada.',
      from: 'de {{name}}',
    },
    mine: {
      title: 'Mis mandatos como delegado (escaños: {{count}})',
      none: 'Tus comités todavía no te han dado mandato sobre esta agenda.',
    },
    seats: {
      title: 'Escaños: {{count}}',
      rule: 'Un comité con al menos {{minimum}} miembros activos tiene un escaño, y uno más por cada {{block}} adicionales.',
      weighted: 'Los votos cuentan una vez por escaño.',
      count: 'escaños: {{count}}',
      vacant: 'Escaños vacantes: {{count}}',
      until: 'hasta {{date}}',
    },
    kind: { neighborhood: 'Barrio', workplace: 'Lugar de trabajo' },
    source: { election: 'elegido', appointment: 'nombrado por votación' },
    position: {
      for: 'A favor',
      against: 'En contra',
      abstain: 'Abstención',
      free: 'Voto libre',
    },
    choice: { yes: 'sí', no: 'no', abstain: 'abstención' },
    committees: {
      title: 'Mis comités',
      link: '{{name}}: mandatos e informe',
    },
    mandates: {
      title: 'Mandatos e informe',
      intro:
        'Después de que el comité aprueba una moción, su secretaria o quien preside registra el mandato para cada punto del consejo. Solo este comité y sus delegados los ven.',
      noneYet: 'sin mandato',
      needMotion: 'Un mandato necesita una moción aprobada por el comité.',
      position: 'Mandato',
      motion: 'Moción aprobada',
      note: 'Nota (opcional)',
      save: 'Guardar mandato',
    },
    report: {
      title: 'Informe de la última reunión del consejo',
      none: 'Todavía no ha terminado ninguna reunión del consejo.',
      vote: '{{name}} votó {{choice}}',
      noVote: 'nada',
      against: 'En contra del mandato',
    },
    toCouncil: {
      title: 'A la agenda del consejo',
      send: 'Enviar a la próxima reunión del consejo',
      sent: 'En la agenda del consejo: {{title}}',
    },
    ratify: {
      title: 'Decisiones del consejo por ratificar',
      none: 'Por ahora el consejo no pide a este comité ratificar nada.',
      yes: 'Ratificar',
      no: 'Rechazar',
    },
    decisions: {
      title: 'Decisiones del consejo para enviar a ratificación',
      none: 'Todas las decisiones del consejo ya se enviaron a los comités, o aún no hay ninguna.',
      share: 'Proporción de comités necesaria (por ciento)',
      shareHint: 'Déjelo vacío para una mayoría de los comités.',
      require: 'Pedir ratificación',
    },
    ratification: {
      title: 'Ratificación por los comités',
      none: 'Ninguna decisión del consejo espera ratificación.',
      counts:
        'Ratificada: {{ratified}} · rechazada: {{rejected}} · pendiente: {{pending}} · necesarias: {{needed}}',
      state: { pending: 'pendiente', ratified: 'ratificada: en vigor', rejected: 'rechazada' },
    },
  },
};
