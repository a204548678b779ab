// The organizers' charts' strings: loaded with the charts (features/organizer/stats-charts),
// not with the organizer page, so the page stays inside the start-up budget.
import type { charts as english } from '../en/charts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const charts: Strings<typeof english> = {
  organize: {
    chart: {
      rule: 'Cov duab qhia ntawm lub sijhawm no. Tsis qhia tus lej tsawg dua 5 li: ib hnub los yog ib cheeb tsam uas muaj 1 txog 4 zaug raug muab tso tseg, thiab nws cov feem pua thiab lub sijhawm thiab.',
      perDay: 'Cov xwm txheej ib hnub, raws cheeb tsam',
      perDayTable:
        'Cov xwm txheej ib hnub, raws cheeb tsam, ua tus lej (tsis muaj cov hnub uas tsis muaj dab tsi)',
      times:
        'Feeb nruab nrab mus txog daim ntawv qhia thib ob thiab mus txog kev lees paub, raws cheeb tsam',
      timesTable:
        'Lub sijhawm nruab nrab mus txog daim ntawv qhia thib ob thiab mus txog kev lees paub, raws cheeb tsam, ua tus lej',
      falseAlarms: 'Cov lus ceeb toom cuav, raws cheeb tsam',
      falseAlarmsTable: 'Cov xwm txheej thiab cov lus ceeb toom cuav, raws cheeb tsam, ua tus lej',
      day: 'Hnub',
      area: 'Cheeb tsam',
      fewer: 'tsawg dua 5',
    },
  },
};
