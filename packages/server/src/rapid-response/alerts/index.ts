// Public surface of rapid-response/alerts: other modules import from here, never from its files.
export { preferencesOf, presentPreferences } from './preferences.service';
