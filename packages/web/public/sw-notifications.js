// Imported by the generated service worker: a tap on an alert notification opens its incident.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || '/';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if ('navigate' in client) {
          return client.focus().then(() => client.navigate(url));
        }
      }
      return self.clients.openWindow(url);
    }),
  );
});

// Web push: the server's pushes carry no incident data. The notification says only that
// something came; the app fetches the details when it opens. Worded in the member's language.
const PUSH_TEXT = {
  en: 'New alert. Open Tocsin for details.',
  es: 'Alerta nueva. Abra Tocsin para ver los detalles.',
  so: 'Digniin cusub. Fur Tocsin si aad u aragto faahfaahinta.',
  hmn: 'Muaj kev ceeb toom tshiab. Qhib Tocsin saib ntxiv.',
};

function savedLanguage() {
  return new Promise((resolve) => {
    const open = indexedDB.open('tocsin');
    open.onerror = () => resolve('en');
    open.onupgradeneeded = () => open.transaction.abort();
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction('meta').objectStore('meta').get('lang');
        get.onsuccess = () => resolve(get.result || 'en');
        get.onerror = () => resolve('en');
      } catch {
        resolve('en');
      } finally {
        db.close();
      }
    };
  });
}

self.addEventListener('push', (event) => {
  event.waitUntil(
    savedLanguage().then((lang) =>
      self.registration.showNotification('Tocsin', {
        body: PUSH_TEXT[lang] || PUSH_TEXT.en,
        tag: 'tocsin-push',
        icon: '/icon-192.png',
        data: { url: '/' },
      }),
    ),
  );
});
