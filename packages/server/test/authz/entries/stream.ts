import { everyone, type MatrixEntry } from '../types';

/**
 * The alert stream is a WebSocket route: a plain GET without an upgrade is told 426 (Upgrade
 * Required) whoever asks. The runner checks the WebSocket itself (hello → ready or close 4401).
 */
export const entries: MatrixEntry[] = [
  {
    method: 'GET',
    url: '/api/v1/stream',
    request: () => Promise.resolve({ url: '/api/v1/stream' }),
    expect: everyone(426),
  },
];
