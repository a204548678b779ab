import { everyMember, type MatrixEntry } from '../types';

/** The home screen's data: one's own alert settings and the incidents they cover. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/me/feed',
    request: () => Promise.resolve({ url: '/api/v1/me/feed' }),
    expect: everyMember(200),
  },
];
