export { assignCellsOnce, buildAreaIndex } from './area-index';
export type { AreaCells, AreaIndex } from './area-index';
export { CellIndex } from './cell-index';
export { cellCenter, cellCircumradiusMeters, coarseCell } from './cells';
export { cellsCenteredWithin, cellsInRadius } from './cells-in-radius';
export { destination } from './destination';
export { coverPolygon } from './cover-polygon';
export { usablePolygons } from './geometry';
export type {
  AreaGeometry,
  MultiPolygonGeometry,
  PolygonGeometry,
  Position,
  Ring,
  UsablePolygon,
} from './geometry';
export { EARTH_RADIUS_METERS, haversineMeters } from './haversine';
export type { LatLng } from './lat-lng';
export { pointInGeometry } from './point-in-geometry';
export { AREA_RES, COARSE_RES } from './resolutions';
