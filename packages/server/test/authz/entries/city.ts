import { everyone, type MatrixEntry } from '../types';

/** The city's public settings: the join page shows them before an account exists. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/city',
    request: () => Promise.resolve({ url: '/api/v1/city' }),
    expect: everyone(200),
  },
  {
    method: 'GET',
    url: '/api/v1/city/places',
    request: () => Promise.resolve({ url: '/api/v1/city/places' }),
    expect: everyone(200),
  },
];
