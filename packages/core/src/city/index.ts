export { areaGeometrySchema, areasGeoJsonSchema } from './areas-geojson-schema';
export { CityPackError } from './city-pack-error';
export type { CityPackIssue } from './city-pack-error';
export { cityPackSchema } from './city-pack-schema';
export type { CitySettings, CitySettingsInput } from './city-pack-schema';
export { parseCityPack } from './parse-city-pack';
export type { CityArea, CityPack } from './parse-city-pack';
export { slugify } from './slugify';
