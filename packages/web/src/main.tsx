import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createServices } from './app/services';
import { initI18n, pickLanguage, storedLanguage } from './lib/i18n';
import './app/app.css';

async function boot(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  await initI18n(storedLanguage() ?? pickLanguage(navigator.languages));
  createRoot(root).render(
    <StrictMode>
      <App services={createServices()} />
    </StrictMode>,
  );
}

void boot();
