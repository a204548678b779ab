import { z } from 'zod';

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
/** [lng, lat], GeoJSON order. */
const point = z.tuple([lng, lat]);
const name = z.string().trim().min(1).max(80);

/** One street centerline, simplified to its bends, with house-number anchors when known. */
export const gazetteerStreetSchema = z.strictObject({
  name,
  /** Other ways people write it, folded or not ("lake", "la lake", "calle lake"). */
  aliases: z.array(name).max(20).default([]),
  /** Numbered streets: "38th St" has 38, so "38", "38th", "la 38" and "calle 38" find it. */
  number: z.int().min(1).max(999).optional(),
  kind: z.enum(['street', 'avenue', 'other']).default('other'),
  line: z.array(point).min(2).max(2_000),
  /** [house number, lng, lat] along the street, ascending: "2400 Bloomington" is interpolated. */
  numbers: z
    .array(z.tuple([z.int().min(0).max(99_999), lng, lat]))
    .max(200)
    .optional(),
});

/** A place people name: a store, a station, a park, a school. */
export const gazetteerLandmarkSchema = z.strictObject({
  name,
  aliases: z.array(name).max(20).default([]),
  at: point,
});

/** A city's street gazetteer (city pack `places.source`): streets, landmarks, source, license. */
export const gazetteerSchema = z.strictObject({
  source: z.string().trim().min(1).max(500),
  license: z.string().trim().min(1).max(200),
  streets: z.array(gazetteerStreetSchema).max(20_000),
  landmarks: z.array(gazetteerLandmarkSchema).max(5_000).default([]),
});

export type Gazetteer = z.output<typeof gazetteerSchema>;
export type GazetteerInput = z.input<typeof gazetteerSchema>;
export type GazetteerStreet = z.output<typeof gazetteerStreetSchema>;
export type GazetteerLandmark = z.output<typeof gazetteerLandmarkSchema>;
