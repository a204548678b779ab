/** Somali (draft) strings of the devices and vouching screens. */
export const trust = {
  devices: {
    title: 'Qalabkaaga',
    link: 'Qalabkaaga iyo furayaashaada',
    intro:
      'Telefoonada iyo furayaasha sirta ah ee akoonkaaga geli kara. Haddii telefoon lumo ama lagaa qaado, halkan ka saar. Haddii aadan haysan qalabkaaga midna, telefoon kale ku isticmaal naanaystaada iyo koodh soo celin: taasi waxay saaraysaa qalabkii hore oo dhan.',
    listLabel: 'Qalabka geli kara',
    kind: {
      device_key: 'Furaha telefoonka',
      passkey: 'Furaha sirta',
    },
    added: 'La daray {{day}}',
    lastUsed: 'markii ugu dambeysay {{day}}',
    neverUsed: 'weli lama isticmaalin',
    current: 'qalabkan',
    revokeShort: 'Saar',
    revoke: 'Saar {{name}}',
    revokeSure: 'Ma saaraysaa {{name}}? Mar dambe ma geli karo.',
    revokeConfirm: 'Haa, saar',
    revoked: 'Waa la saaray. Mar dambe ma geli karo.',
    none: 'Qalab ma jiro.',
    everywhere: 'Ka bax meel kasta',
    everywhereHint:
      'Waxay joojinaysaa fadhi kasta, waxayna saaraysaa telefoon kasta iyo furaha sirta ee kale. Qalabkan wuu harayaa, mar kalena wuu geli karaa.',
    everywhereSure: 'Ma ka baxaysaa meel kasta oo ma saaraysaa qalab kasta oo kale?',
    back: 'Ku noqo dejinta',
  },
  vouch: {
    title: 'Shakhsi ahaan u damiin',
    link: 'Shakhsi ahaan u damiin',
    myCodeTitle: 'Koodhkaaga',
    myCodeIntro:
      'Tus xubin firfircoon oo ku taqaan. Marka ay sawiraan oo ay kuu damiintaan, waxaad noqonaysaa xubin firfircoon.',
    myCodeLabel: 'Koodhka QR ee leh naanaystaada {{handle}}',
    scanTitle: 'Qof u damiin',
    scanIntro:
      'U damiin oo keliya qof aad taqaan, fool ka fool. Sawir koodhka telefoonkiisa, ama qor naanaysta ka hoosaysa.',
    scan: 'Sawir koodhkiisa',
    stopScan: 'Dami kamaradda',
    cameraLabel: 'Kamarad',
    noCamera: 'Kamaradda halkan looma isticmaali karo. Qor naanaysta ka hoosaysa koodhkiisa.',
    handle: 'Naanaystiisa',
    submit: 'U damiin xubintan',
    done: '{{handle}} hadda waa xubin firfircoon.',
    notActive: 'Marka xubin kale kuu damiinto, adiguna waad u damiin kartaa dadka kale.',
  },
};
