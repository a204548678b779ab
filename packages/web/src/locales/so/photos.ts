import type { Messages } from '../en';

/** Strings of photos: added to a report, seen on an incident. */
export const photos: Pick<Messages, 'photos'> = {
  photos: {
    title: 'Sawirro',
    preparing: 'Sawirka waa la yareynayaa…',
    privacy:
      'Sawirrada waxaa lagu yareeyaa taleefankaaga, waxaana laga saaraa xogtooda qarsoon (meesha, waqtiga, taleefanka) ka hor inta aysan ka bixin. Waxaa arka oo keliya xaqiijiyeyaasha iyo diraha aagga.',
    offline:
      'Internet ma lihid. Sawirradu waxay taleefankan kula sugayaan warbixinta, waxaana la diraa ka dib.',
    preview: 'Sawirka {{n}} ee lagu darayo',
    remove: 'Ka saar sawirka {{n}}',
    unreadable: 'Fayl looma akhrin karo sawir ahaan, ama wuu ka weyn yahay 10 MB.',
    tooMany: 'Warbixin waxay qaadi kartaa ugu badnaan {{max}} sawir.',
    incidentTitle: 'Sawirrada warbixinnada',
    incidentHint: 'Sawirradan waxaa arka oo keliya xaqiijiyeyaasha iyo diraha aagga.',
    incidentPhoto: 'Sawirka {{n}} ee {{count}} ka mid ah warbixinnada',
    open: 'Fur sawirka {{n}} cabbirkiisa buuxa',
  },
};
