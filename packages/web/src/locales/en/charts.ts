// The organizers' charts' strings: loaded with the charts (features/organizer/stats-charts),
// not with the organizer page, so the page stays inside the start-up budget.

export const charts = {
  organize: {
    chart: {
      rule: 'Charts of this period. Counts under 5 are never shown: a day or an area with 1 to 4 incidents is left out, and its rates and times too.',
      perDay: 'Incidents per day, by area',
      perDayTable: 'Incidents per day, by area, as numbers (days with none left out)',
      times: 'Median minutes to a second report and to confirmation, by area',
      timesTable: 'Median time to a second report and to confirmation, by area, as numbers',
      falseAlarms: 'False alarms, by area',
      falseAlarmsTable: 'Incidents and false alarms, by area, as numbers',
      day: 'Day',
      area: 'Area',
      fewer: 'fewer than 5',
    },
  },
};
