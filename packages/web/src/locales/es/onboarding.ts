import type { Messages } from '../en';

/** Strings of the welcome and join screens. */
export const onboarding: Pick<Messages, 'welcome' | 'join'> = {
  welcome: {
    title: 'Bienvenido a Tocsin',
    intro:
      'Tocsin permite que los vecinos se avisen cuando hay agentes de inmigración cerca. Usted se une con un enlace de invitación de alguien que conoce.',
    noInvite:
      'Para unirse, pida un enlace de invitación a un miembro de confianza y ábralo en este teléfono.',
    haveAccount: '¿Ya es miembro?',
    deviceLogin: 'Entrar con la clave de este teléfono',
    passkeyLogin: 'Entrar con una llave de acceso',
    recoveryTitle: '¿Perdió su teléfono o su clave?',
    recoveryLabel: 'Código de recuperación',
    recoveryHint: 'Uno de los diez códigos que guardó al unirse, como 7KQ2-MXW4-PD9T-R3HE.',
    recoveryHandle: 'Su apodo (como quiet-heron-4821)',
    recoverySubmit: 'Usar este código de recuperación',
    offline: 'No tiene conexión. Conéctese a internet para entrar.',
    working: 'Un momento…',
  },
  join: {
    title: 'Unirse a Tocsin',
    step: 'Paso {{step}} de 3',
    intro:
      'Un vecino lo invitó. Su cuenta no tiene nombre, número de teléfono ni correo, solo un apodo al azar.',
    missingCode:
      'Este enlace no tiene código de invitación. Abra el enlace completo que le enviaron.',
    create: 'Crear mi cuenta',
    passkeyInfo:
      'Su teléfono le pedirá su huella, su cara o el bloqueo de pantalla para crear una llave de acceso para Tocsin.',
    deviceKeyInfo: 'Se creará una clave secreta para su cuenta, guardada solo en este teléfono.',
    useDeviceKey: 'Usar en su lugar una clave guardada en este teléfono',
    creating: 'Creando su cuenta…',
    created: 'Su cuenta está lista. Su apodo es {{handle}}.',
    codesTitle: 'Guarde sus códigos de recuperación',
    codesIntro:
      'Si pierde este teléfono, estos códigos son la única forma de volver a su cuenta. Cada código sirve una vez. Solo se muestran esta vez.',
    codesAdvice:
      'Escríbalos en papel y guarde el papel en un lugar seguro, lejos de este teléfono.',
    codesHandle:
      'Escriba su apodo {{handle}} junto a ellos: necesita el apodo y un código para volver a entrar.',
    codesLabel: 'Sus códigos de recuperación',
    copy: 'Copiar los códigos',
    copied: 'Copiados. Péguelos en un lugar seguro y luego bórrelos del portapapeles.',
    saved: 'Guardé estos códigos en un lugar seguro',
    continue: 'Continuar',
    prefsTitle: 'Idioma y alertas',
    prefsIntro:
      'Elija su idioma y los vecindarios de los que quiere recibir alertas. Puede cambiarlo después en Ajustes.',
    finish: 'Guardar y empezar',
    skip: 'Omitir por ahora',
    notifyNotNow: 'Ahora no',
    notifyLater: 'Puede activarlas más tarde en Ajustes.',
    notifyFailed:
      'No se pudieron activar las notificaciones. Puede intentarlo más tarde en Ajustes.',
    signedIn: 'Ya tiene una sesión abierta en este teléfono.',
  },
};
