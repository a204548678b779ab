import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes, passkeys, neighborhoods. */
export const account: Pick<Messages, 'account'> = {
  account: {
    nameLabel: 'Su nombre para otros miembros (opcional)',
    nameHint:
      'Se muestra en reuniones y grupos junto a su apodo. Déjelo vacío para que lo conozcan solo por su apodo.',
    nameSave: 'Guardar nombre',
    nameSaved: 'Nombre guardado.',
    codesTitle: 'Códigos de recuperación',
    codesHint:
      '¿Perdió el papel o usó algunos códigos? Cree diez nuevos. Los códigos que guardó antes dejan de funcionar de inmediato.',
    codesNew: 'Crear nuevos códigos de recuperación',
    codesSure: '¿Crear nuevos códigos? Los códigos que guardó antes dejarán de funcionar.',
    codesDone: 'Sus nuevos códigos de recuperación. Los anteriores ya no funcionan.',
    passkeyTitle: 'Llaves de acceso',
    passkeyHint:
      'Una llave de acceso le permite entrar con su huella, su cara o el bloqueo de pantalla. Agregue una para volver a entrar sin código de recuperación.',
    passkeyAdd: 'Agregar una llave de acceso',
    passkeyAdded: 'Llave de acceso agregada. Aparece con sus dispositivos.',
    passkeyUnavailable: 'Este teléfono no puede crear una llave de acceso.',
    areasTitle: 'Vecindarios a los que pertenece',
    areasHint:
      'Los miembros de un vecindario participan en sus reuniones, grupos y votaciones. Las alertas que recibe se eligen en Alertas.',
    areasNone: 'Todavía no pertenece a ningún vecindario.',
    joinLabel: 'Unirse a un vecindario',
    joinPick: 'Elija un vecindario',
    join: 'Unirse',
    joined: 'Se unió a {{name}}.',
    leave: 'Salir',
    leaveNamed: 'Salir de {{name}}',
    leaveSure: '¿Salir de {{name}}? Termina cualquier función que tenga allí.',
    left: 'Salió de {{name}}.',
  },
};
