import type { Messages } from '../en';

/** Strings of the account tools in settings: display name, new recovery codes. */
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
  },
};
