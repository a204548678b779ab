import type { Messages } from '../en';

/** Strings of photos: added to a report, seen on an incident. */
export const photos: Pick<Messages, 'photos'> = {
  photos: {
    title: 'Duab',
    preparing: 'Tab tom ua daim duab me zuj zus…',
    privacy:
      'Cov duab raug ua me dua hauv koj lub xov tooj thiab tshem lawv cov ntaub ntawv zais (qhov chaw, sijhawm, xov tooj) ua ntej lawv tawm mus. Tsuas yog cov neeg kuaj xyuas thiab cov neeg xa neeg ntawm thaj chaw thiaj pom tau.',
    offline:
      'Koj tsis muaj internet. Cov duab tos hauv lub xov tooj no nrog daim ntawv qhia thiab yuav xa tom qab nws.',
    preview: 'Duab {{n}} yuav ntxiv',
    remove: 'Tshem duab {{n}}',
    unreadable: 'Muaj ib daim ntawv nyeem tsis tau ua duab, los yog loj tshaj 10 MB.',
    tooMany: 'Ib daim ntawv qhia muaj tau ntau tshaj {{max}} daim duab.',
    incidentTitle: 'Duab los ntawm cov ntawv qhia',
    incidentHint:
      'Tsuas yog cov neeg kuaj xyuas thiab cov neeg xa neeg ntawm thaj chaw thiaj pom cov duab no.',
    incidentPhoto: 'Duab {{n}} ntawm {{count}} los ntawm cov ntawv qhia',
    open: 'Qhib duab {{n}} loj puv npo',
  },
};
