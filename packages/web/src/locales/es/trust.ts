/** Spanish strings of the devices and vouching screens. */
export const trust = {
  devices: {
    title: 'Sus dispositivos',
    link: 'Sus dispositivos y llaves',
    intro:
      'Los teléfonos y llaves de acceso que pueden entrar a su cuenta. Si pierde un teléfono o se lo quitan, quítelo aquí. Si no tiene ninguno de sus dispositivos, use su apodo y un código de recuperación en otro teléfono: eso quita todos los dispositivos anteriores.',
    listLabel: 'Dispositivos que pueden entrar',
    kind: {
      device_key: 'Llave de teléfono',
      passkey: 'Llave de acceso',
    },
    added: 'Agregado el {{day}}',
    lastUsed: 'último uso el {{day}}',
    neverUsed: 'sin usar todavía',
    current: 'este dispositivo',
    revokeShort: 'Quitar',
    revoke: 'Quitar {{name}}',
    revokeSure: '¿Quitar {{name}}? Ya no podrá entrar.',
    revokeConfirm: 'Sí, quitarlo',
    revoked: 'Quitado. Ya no puede entrar.',
    none: 'No hay dispositivos.',
    everywhere: 'Cerrar sesión en todas partes',
    everywhereHint:
      'Termina todas las sesiones y quita todos los demás teléfonos y llaves de acceso. Este dispositivo se queda y puede volver a entrar.',
    everywhereSure: '¿Cerrar sesión en todas partes y quitar todos los demás dispositivos?',
    back: 'Volver a ajustes',
  },
  vouch: {
    title: 'Responder en persona',
    link: 'Responder por alguien en persona',
    myCodeTitle: 'Su código',
    myCodeIntro:
      'Muéstreselo a un miembro activo que lo conozca. Cuando lo escanee y responda por usted, usted pasa a ser miembro activo.',
    myCodeLabel: 'Código QR con su apodo {{handle}}',
    scanTitle: 'Responder por alguien',
    scanIntro:
      'Responda solo por alguien que conoce, cara a cara. Escanee el código en su teléfono o escriba el apodo que aparece debajo.',
    scan: 'Escanear su código',
    stopScan: 'Apagar la cámara',
    cameraLabel: 'Cámara',
    noCamera: 'No se puede usar la cámara aquí. Escriba el apodo que aparece debajo de su código.',
    handle: 'Su apodo',
    submit: 'Responder por este miembro',
    done: '{{handle}} ahora es miembro activo.',
    notActive:
      'Cuando otro miembro haya respondido por usted, usted también podrá responder por otras personas.',
  },
};
