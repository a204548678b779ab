// Limits of API requests that the web app also applies before sending; free of zod so the
// browser bundle can import them.

/** How many places a member may keep alerts for. */
export const MAX_PLACES = 5;
