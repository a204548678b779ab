import { SubscriptionIndex } from '@tocsin/core';
const P = { lat: 44.9475, lng: -93.2555 };
const idx = new SubscriptionIndex();
const N = 10000;
let t = performance.now();
for (let i = 0; i < N; i++) {
  idx.add({
    id: crypto.randomUUID(),
    areaIds: ['powderhorn'],
    placeCells: [],
    live: {
      lat: P.lat + (((i * 7919) % 200) - 100) * 0.00006,
      lng: P.lng + (((i * 104729) % 200) - 100) * 0.00008,
    },
    radiusMeters: 1000,
    minLevel: 'unconfirmed',
    staff: false,
  });
}
console.log('add 10k', (performance.now() - t).toFixed(0), 'ms', 'cellEntries', idx.cellEntries);
for (let k = 0; k < 5; k++) {
  t = performance.now();
  const s = idx.targets(P.lat, P.lng, ['powderhorn', 'city'], 'everyone');
  console.log('targets', s.size, (performance.now() - t).toFixed(1), 'ms');
  t = performance.now();
  const s2 = idx.targets(P.lat, P.lng, ['other', 'city'], 'everyone');
  console.log('targets disc only', s2.size, (performance.now() - t).toFixed(1), 'ms');
  t = performance.now();
  const s3 = idx.targets(P.lat, P.lng, ['powderhorn', 'city'], 'staff');
  console.log('targets staff', s3.size, (performance.now() - t).toFixed(1), 'ms');
}
