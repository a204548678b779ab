import { z } from 'zod';

// Coordinates are range-checked here so a swapped lat/lng is reported, but rings are not required
// to be well-formed: real files have slivers, and coverPolygon skips those.
const position = z
  .array(z.number())
  .min(2)
  .refine(([lng = 0, lat = 0]) => Math.abs(lng) <= 180 && Math.abs(lat) <= 90, {
    error: 'expected [longitude, latitude] within [-180, 180] and [-90, 90]',
  });
const polygonCoordinates = z.array(z.array(position)).min(1);

/** A Polygon or MultiPolygon; other geometry types cannot be areas. */
export const areaGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonCoordinates).min(1) }),
]);

/** A GeoJSON FeatureCollection of areas; extra members (id, bbox, ...) are allowed, as GeoJSON allows. */
export const areasGeoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry: areaGeometrySchema,
      }),
    )
    .min(1),
});
