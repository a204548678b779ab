/** English strings of the home feed, the live banner, notifications, push and the map. */
export const alerts = {
  home: {
    title: 'Alerts',
    empty: 'No alerts for your neighborhoods right now.',
    emptyHint: 'Alerts appear here as soon as neighbors report something.',
    noAreas: 'You have not chosen any neighborhoods yet, so no alerts can reach you.',
    chooseAreas: 'Choose neighborhoods',
    report: 'Report a sighting',
    notifyAsk: 'Get a notification on this phone when an alert comes in?',
    notifyOn: 'Turn on notifications',
    notifyBlocked:
      'Notifications are blocked for this site. You can allow them in your browser settings.',
    listLabel: 'Alerts and incidents, newest first',
    reporters_one: '{{count}} report',
    reporters_other: '{{count}} reports',
    noPlace: 'Place not given',
    noActivity: 'Sighting',
    loadFailed: 'Could not load the latest incidents.',
    probation: 'You are a new member: your reports count once another member has vouched for you.',
  },
  banner: {
    label: 'New alert',
    open: 'Open',
    dismiss: 'Dismiss',
  },
  notification: {
    title: 'Tocsin: {{state}}',
    body: '{{place}}: open Tocsin for details.',
  },
  push: {
    title: 'Alerts when Tocsin is closed',
    intro:
      'Your phone can be woken for a new alert even when Tocsin is closed. The push carries no details: you see them when you open the app.',
    enable: 'Turn on',
    disable: 'Turn off',
    on: 'On for this phone.',
    off: 'Off for this phone.',
    unavailable: 'This server does not send alerts to closed apps.',
    unsupported: 'This browser cannot receive alerts while the app is closed.',
  },
  map: {
    show: 'Show the map',
    hide: 'Hide the map',
    incident: 'Map of the incident and the neighborhoods',
    feed: 'Map of the alerts',
    pick: 'Choose on the map',
    pickHint: 'Tap the map where it is happening.',
    picked: 'Place chosen on the map.',
    pickLabel: 'Map: tap to choose the place',
  },
};
