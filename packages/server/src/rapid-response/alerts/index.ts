// Public surface of rapid-response/alerts: other modules import from here, never from its files.
export { preferencesOf, presentPreferences } from './preferences.service';
export { AlertStream } from './stream/alert-stream';
export { alertMessage } from './stream/messages';
