/** The working groups every city and neighborhood area starts with. */
export const DEFAULT_GROUPS: readonly { slug: string; name: string }[] = [
  { slug: 'rapid-response', name: 'Rapid response' },
  { slug: 'information-events', name: 'Information events' },
  { slug: 'strategy-planning', name: 'Strategy and planning' },
  { slug: 'canvassing', name: 'Canvassing' },
  { slug: 'mutual-aid', name: 'Mutual aid' },
];
