// Loaded from index.html ahead of the app: the home screen's code and, for a member coming
// back, its API requests start now rather than once the app's script has arrived and run, a
// round trip and a second of script earlier on a slow phone (bench/web-interactive.ts). The
// app's own fetches (src/lib/api/client.ts: same URL, cors mode, same-origin credentials) take
// these answers. Anonymous visitors ask the API nothing, as the app does
// (src/features/session/member-marker.ts).
// A file, not inline: the CSP allows no inline script.
(function () {
  function preload(rel, href, as) {
    var link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  }
  var marker;
  try {
    marker = localStorage.getItem('tocsin.member');
  } catch (e) {
    marker = 'signed_in'; // Storage disabled: the app asks the server every time.
  }
  // First: the answers are small, and the browser opens only six connections at a time.
  if (marker === 'signed_in') {
    ['/api/v1/me', '/api/v1/me/feed'].forEach(function (href) {
      preload('preload', href, 'fetch');
    });
  }
  // The home screen's code, which the router asks for only once the app's script has run
  // (named at build time by build/home-modules.ts).
  var modules = document.querySelector('meta[name="tocsin-home-modules"]');
  if (location.pathname === '/' && modules) {
    modules.content.split(' ').forEach(function (href) {
      if (href) preload('modulepreload', href);
    });
  }
})();
