// The app shell for offline use: a service worker (public/sw.js) keeps the page and its assets, so a board this
// browser has opened loads — from its IndexedDB copy — with the network down, a reload included. Production
// builds only: under the dev server it would serve stale modules.
export function registerAppShell(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('EventStorm works online only in this browser: the offline app shell could not be installed.', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
