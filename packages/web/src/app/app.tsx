import { useEffect, useState } from 'react';

type Health = 'checking' | 'ready' | 'not_ready' | 'offline';

/** The app shell; the member, responder and dispatcher screens arrive with the PWA work. */
export function App() {
  const [health, setHealth] = useState<Health>('checking');

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/v1/ready', { signal: controller.signal })
      .then(async (response) => {
        const body = (await response.json()) as { status?: string };
        setHealth(body.status === 'ready' ? 'ready' : 'not_ready');
      })
      .catch(() => {
        if (!controller.signal.aborted) setHealth('offline');
      });
    return () => controller.abort();
  }, []);

  return (
    <main className="shell">
      <h1>Tocsin</h1>
      <p>Neighbors warning neighbors.</p>
      <p role="status" data-testid="server-status">
        Server: {health === 'checking' ? 'checking…' : health.replace('_', ' ')}
      </p>
    </main>
  );
}
