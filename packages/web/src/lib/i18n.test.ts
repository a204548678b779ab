import { describe, expect, it } from 'vitest';
import { pickLanguage } from './i18n';

describe('pickLanguage', () => {
  it('takes the first supported language, by its base tag', () => {
    expect(pickLanguage(['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLanguage([null, 'HMN'])).toBe('hmn');
    expect(pickLanguage(['de'])).toBe('en');
  });
});
