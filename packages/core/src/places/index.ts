export {
  gazetteerLandmarkSchema,
  gazetteerSchema,
  gazetteerStreetSchema,
} from './gazetteer-schema';
export type {
  Gazetteer,
  GazetteerInput,
  GazetteerLandmark,
  GazetteerStreet,
} from './gazetteer-schema';
export {
  addressPoint,
  buildPlaceIndex,
  nearestOnStreet,
  PLACE_DISAGREE_METERS,
  placeDisagreement,
  resolvePlace,
  streetsMeet,
} from './resolve-place';
export type { NamedArea, PlaceHint, PlaceIndex, PlaceKind, ResolvedPlace } from './resolve-place';
export { choosePlace, placeOfText, readPaste } from './read-paste';
export type { PasteContext, PasteReading, PlaceChoice } from './read-paste';
