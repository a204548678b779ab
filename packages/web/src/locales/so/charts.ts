// The organizers' charts' strings: loaded with the charts (features/organizer/stats-charts),
// not with the organizer page, so the page stays inside the start-up budget.
import type { charts as english } from '../en/charts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const charts: Strings<typeof english> = {
  organize: {
    chart: {
      rule: 'Jaantusyada muddadan. Tirooyinka ka yar 5 weligood lama muujiyo: maalin ama aag leh 1 ilaa 4 dhacdo waa laga saaray, iyo heerarkeeda iyo waqtiyadeeda.',
      perDay: 'Dhacdooyinka maalintii, aag ahaan',
      perDayTable:
        'Dhacdooyinka maalintii, aag ahaan, tiro ahaan (maalmaha aan lahayn waa laga saaray)',
      times: 'Daqiiqadaha dhexe ilaa warbixin labaad iyo ilaa xaqiijin, aag ahaan',
      timesTable: 'Waqtiga dhexe ilaa warbixin labaad iyo ilaa xaqiijin, aag ahaan, tiro ahaan',
      falseAlarms: 'Digniinaha beenta ah, aag ahaan',
      falseAlarmsTable: 'Dhacdooyinka iyo digniinaha beenta ah, aag ahaan, tiro ahaan',
      day: 'Maalin',
      area: 'Aag',
      fewer: 'wax ka yar 5',
    },
  },
};
