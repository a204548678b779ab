/**
 * The organizing half: bodies that meet and decide, elections, the council, pledges, events,
 * canvassing and mutual aid. Empty until those issues land; it may use the platform and membership.
 */
export {};
