import type { Messages } from '../en';

/** Strings of the home feed, the live banner, notifications, push and the map. */
export const alerts: Pick<
  Messages,
  'home' | 'banner' | 'notification' | 'push' | 'map' | 'safety' | 'takeover'
> = {
  home: {
    title: 'Alertas',
    empty: 'Por ahora no hay alertas en sus vecindarios.',
    emptyHint: 'Las alertas aparecen aquí en cuanto los vecinos reportan algo.',
    noAreas: 'Todavía no eligió ningún vecindario, así que no le puede llegar ninguna alerta.',
    chooseAreas: 'Elegir vecindarios',
    report: 'Reportar lo que vi',
    notifyAsk: '¿Recibir una notificación en este teléfono cuando llegue una alerta?',
    notifyOn: 'Activar las notificaciones',
    notifyBlocked:
      'Las notificaciones están bloqueadas para este sitio. Puede permitirlas en los ajustes del navegador.',
    listLabel: 'Alertas e incidentes, los más recientes primero',
    reporters_one: '{{count}} reporte',
    reporters_other: '{{count}} reportes',
    noPlace: 'Lugar no indicado',
    noActivity: 'Avistamiento',
    loadFailed: 'No se pudieron cargar los últimos incidentes.',
    probation:
      'Usted es un miembro nuevo: sus reportes cuentan cuando otro miembro responda por usted.',
  },
  safety: {
    title: 'Cerca de ti',
    nothing: 'Nada activo cerca de ti.',
    fromMe: 'a {{distance}} de ti',
    fromPlace: 'a {{distance}} de un lugar guardado',
    inAreas: 'En tus vecindarios',
    asOf: 'Último estado conocido, de las {{time}}.',
    unknown:
      'Aún no se sabe: este teléfono no tiene nada guardado. Se actualiza cuando vuelva la red.',
  },
  takeover: {
    title: 'Confirmado cerca de ti',
    distance: 'A unos {{distance}} de ti',
    advice: 'Mantén la calma. No abras la puerta. Conoce tus derechos.',
    open: 'Abrir el incidente',
    dismiss: 'Ya lo vi',
    sound: 'Sonar cuando haya una alerta confirmada cerca de mí',
  },
  banner: {
    label: 'Alerta nueva',
    open: 'Abrir',
    dismiss: 'Descartar',
  },
  notification: {
    title: 'Tocsin: {{state}}',
    body: '{{place}}: abra Tocsin para ver los detalles.',
  },
  push: {
    title: 'Alertas con Tocsin cerrado',
    intro:
      'Su teléfono puede despertarse con una alerta nueva aunque Tocsin esté cerrado. El aviso no lleva detalles: los ve al abrir la aplicación.',
    enable: 'Activar',
    disable: 'Desactivar',
    on: 'Activado en este teléfono.',
    off: 'Desactivado en este teléfono.',
    unavailable: 'Este servidor no envía alertas a la aplicación cerrada.',
    unsupported: 'Este navegador no puede recibir alertas con la aplicación cerrada.',
  },
  map: {
    show: 'Mostrar el mapa',
    hide: 'Ocultar el mapa',
    incident: 'Mapa del incidente y de los vecindarios',
    feed: 'Mapa de las alertas',
    pick: 'Elegir en el mapa',
    pickHint: 'Toque el mapa donde está pasando.',
    picked: 'Lugar elegido en el mapa.',
    pickLabel: 'Mapa: toque para elegir el lugar',
  },
};
