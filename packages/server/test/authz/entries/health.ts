import { everyone, type MatrixEntry } from '../types';

/** Probes for load balancers: public. */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/health',
    request: () => Promise.resolve({ url: '/api/v1/health' }),
    expect: everyone(200),
  },
  {
    method: 'GET',
    url: '/api/v1/ready',
    request: () => Promise.resolve({ url: '/api/v1/ready' }),
    expect: everyone(200),
  },
];
