// The organizers' charts' strings: loaded with the charts (features/organizer/stats-charts),
// not with the organizer page, so the page stays inside the start-up budget.
import type { charts as english } from '../en/charts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const charts: Strings<typeof english> = {
  organize: {
    chart: {
      rule: 'Gráficos de este período. Nunca se muestran cifras menores de 5: un día o una zona con 1 a 4 incidentes queda fuera, y también sus tasas y tiempos.',
      perDay: 'Incidentes por día, por zona',
      perDayTable: 'Incidentes por día, por zona, en números (sin los días sin incidentes)',
      times: 'Minutos (mediana) hasta un segundo reporte y hasta la confirmación, por zona',
      timesTable:
        'Tiempo (mediana) hasta un segundo reporte y hasta la confirmación, por zona, en números',
      falseAlarms: 'Falsas alarmas, por zona',
      falseAlarmsTable: 'Incidentes y falsas alarmas, por zona, en números',
      day: 'Día',
      area: 'Zona',
      fewer: 'menos de 5',
    },
  },
};
