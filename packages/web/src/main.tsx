// The app-wide sheets first, in this order: each feature's own sheet comes after them and may
// override them on a tie, as when all were one file.
import './app/global.css';
import './ui/controls.css';
import './ui/surfaces.css';
import './ui/badges.css';
import './ui/banner.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createServices } from './app/services';
import { initI18n, pickLanguage, storedLanguage } from './lib/i18n';

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
