// Loaded from index.html ahead of the app: for a member coming back, the home screen's API
// requests start now rather than once the app's script has arrived and run, a round trip and a
// second of script earlier on a slow phone (bench/web-interactive.ts). The app's own fetches
// (src/lib/api/client.ts: same URL, cors mode, same-origin credentials) take these answers.
// Anonymous visitors ask the API nothing, as the app does (src/features/session/member-marker.ts).
// A file, not inline: the CSP allows no inline script. The home screen's code needs no preload
// here: it is in the startup chunk, which index.html names (build/startup-chunk.ts).
(function () {
  var marker;
  try {
    marker = localStorage.getItem('tocsin.member');
  } catch (e) {
    marker = 'signed_in'; // Storage disabled: the app asks the server every time.
  }
  if (marker !== 'signed_in') return;
  ['/api/v1/me', '/api/v1/me/feed'].forEach(function (href) {
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
