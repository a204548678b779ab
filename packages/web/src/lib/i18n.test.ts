import i18next from 'i18next';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { settings } from '../locales/es/settings';
import { trust } from '../locales/es/trust';
import { initI18n, loadStrings, pickLanguage, setLanguage } from './i18n';

describe('pickLanguage', () => {
  it('takes the first supported language, by its base tag', () => {
    expect(pickLanguage(['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLanguage([null, 'HMN'])).toBe('hmn');
    expect(pickLanguage(['de'])).toBe('en');
  });
});

describe('setLanguage', () => {
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("switches a screen that loaded a string part to the new language's shell and part", async () => {
    vi.stubGlobal('document', { documentElement: {} });
    await initI18n('en');
    await loadStrings('trust');
    await setLanguage('es');
    expect(i18next.t('settings.title')).toBe(settings.settings.title);
    expect(i18next.t('devices.title')).toBe(trust.devices.title);
  });
});
