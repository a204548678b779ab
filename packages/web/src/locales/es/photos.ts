import type { Messages } from '../en';

/** Strings of photos: added to a report, seen on an incident. */
export const photos: Pick<Messages, 'photos'> = {
  photos: {
    title: 'Fotos',
    preparing: 'Haciendo la foto más pequeña…',
    privacy:
      'Las fotos se hacen más pequeñas en su teléfono y pierden sus datos ocultos (lugar, hora, teléfono) antes de salir de él. Solo las ven los verificadores y despachadores de la zona.',
    offline:
      'Usted está sin conexión. Las fotos esperan en este teléfono con el reporte y se envían después de él.',
    preview: 'Foto {{n}} para agregar',
    remove: 'Quitar la foto {{n}}',
    unreadable: 'Un archivo no se pudo leer como imagen, o pesa más de 10 MB.',
    tooMany: 'Un reporte lleva como máximo {{max}} fotos.',
    incidentTitle: 'Fotos de los reportes',
    incidentHint: 'Solo los verificadores y despachadores de la zona ven estas fotos.',
    incidentPhoto: 'Foto {{n}} de {{count}} de los reportes',
    open: 'Abrir la foto {{n}} en tamaño completo',
  },
};
