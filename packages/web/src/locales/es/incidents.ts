import type { Messages } from '../en';

/** Strings of the incident page. */
export const incidents: Pick<Messages, 'incident'> = {
  incident: {
    title: 'Incidente',
    back: 'Volver a las alertas',
    area: 'Vecindario',
    firstReport: 'Primer reporte',
    lastReport: 'Último reporte',
    confirmedAt: 'Confirmado',
    closedAt: 'Terminó',
    timeline: 'Qué pasó',
    kind: {
      opened: 'Primer reporte',
      report: 'Otro reporte',
      confirmed: 'Confirmado',
      not_seen: 'Verificado: no se vio',
      false_alarm: 'Marcado como falsa alarma',
      all_clear: 'Todo despejado',
      auto_end: 'Terminó: sin noticias por un tiempo',
      merged_into: 'Unido con otro incidente',
      absorbed: 'Se unió otro reporte del mismo hecho',
    },
    by: 'por {{role}}',
    role: {
      member: 'un miembro',
      verifier: 'un verificador',
      dispatcher: 'un despachador',
      responder: 'un respondedor',
      admin: 'un administrador',
      system: 'Tocsin',
    },
    whatToDo: 'Qué hacer',
    hotline: 'Línea de respuesta rápida',
    call: 'Llamar al {{phone}}',
    needsReview:
      'Este texto es un borrador: todavía debe revisarlo un hablante nativo o un abogado.',
    notFound: 'Este incidente no existe o usted no puede verlo.',
    merged: 'Este incidente se unió con otro.',
    openMerged: 'Abrir el otro incidente',
    live: 'Esta página se actualiza sola.',
    verifyTitle: 'Verificar',
    verifyIntro: 'Todas las personas que recibieron la alerta sabrán lo que usted elija.',
    confirmRecorded:
      'Su confirmación quedó registrada. Pasa a CONFIRMADO cuando un segundo verificador, independiente de usted y de quienes lo reportaron, también confirme.',
    confirm: 'Confirmar: está pasando',
    falseAlarm: 'Falsa alarma',
    notSeen: 'No se vio',
    end: 'Todo despejado: ya terminó',
    sure: '¿Está seguro? “{{action}}”',
  },
};
