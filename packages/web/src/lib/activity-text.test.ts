import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../locales/en';
import { es } from '../locales/es';
import { hmn } from '../locales/hmn';
import { so } from '../locales/so';
import { activityText } from './activity-text';

async function tIn(lng: string) {
  const i = i18next.createInstance();
  await i.init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: en },
      es: { translation: es },
      so: { translation: so },
      hmn: { translation: hmn },
    },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

describe('activityText', () => {
  it('words a quick choice in the reader language, whoever reported it', async () => {
    const stored = { activity: null, activityCode: 'checkpoint' };
    expect(activityText(await tIn('en'), stored)).toBe(en.report.quick.checkpoint);
    expect(activityText(await tIn('es'), stored)).toBe(es.report.quick.checkpoint);
    expect(activityText(await tIn('so'), stored)).toBe(so.report.quick.checkpoint);
    expect(activityText(await tIn('hmn'), stored)).toBe(hmn.report.quick.checkpoint);
  });

  it('adds the reporter words to the choice, and shows old stored words as written', async () => {
    const t = await tIn('es');
    expect(activityText(t, { activity: 'dos hombres', activityCode: 'detaining' })).toBe(
      `${es.report.quick.detaining}: dos hombres`,
    );
    expect(activityText(t, { activity: 'Agents detaining someone' })).toBe(
      'Agents detaining someone',
    );
    expect(activityText(t, { activity: null, activityCode: 'not-a-code' })).toBe(
      es.home.noActivity,
    );
  });
});
