import type { ResourceKey } from 'i18next';
import { ownStrings } from '../../lib/own-strings';

// The photo strings of every language, each its own chunk, loaded with the photo code.
const photoStrings = ownStrings(
  import.meta.glob<Record<string, ResourceKey>>('../../locales/*/photos.ts'),
  'photos',
);

export const loadPhotoStrings = photoStrings.loadStrings;
export const usePhotoStrings = photoStrings.useStrings;
