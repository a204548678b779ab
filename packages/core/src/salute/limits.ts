// One set of caps for the API contract and the text parser, so parsed output always validates.

/** Longest value of one SALUTE field (size, activity, location text, uniform, time, equipment). */
export const SALUTE_FIELD_MAX = 200;
/** Longest free text of a report. */
export const REPORT_TEXT_MAX = 2000;
/** Most plates accepted in one report. */
export const PLATES_MAX = 20;
/** Longest raw plate string accepted from a client, before normalization. */
export const PLATE_INPUT_MAX = 16;
/** Longest area id. */
export const AREA_ID_MAX = 64;
