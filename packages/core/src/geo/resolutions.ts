/**
 * H3 resolution for covering areas (neighborhood polygons), chosen by measuring the 85
 * Minneapolis neighborhoods (see cities/minneapolis/README.md). A point counts as "in" the area
 * that holds its cell's center, so points within about one cell of a border can be misplaced:
 *
 *   res  avg edge   cells  smallest area's cells  in-city points misplaced  cells in a 10 km disc
 *    8     531 m      199  0 (Nicollet Island)    32 %                                        464
 *    9     201 m    1,388  4 (St. Anthony East)   12 %                                      3,013
 *   10      76 m    9,709  31 (St. Anthony East)   5 %                                     20,528
 *   11      29 m   67,890  216 (Stevens Square)    1.8 %                                  142,163
 *
 * Res 10 gives every neighborhood dozens of cells and keeps misplaced points within ~76 m of a
 * border. Res 11 would cut the error further at 7× the cells for every radius query.
 */
export const AREA_RES = 10;

/**
 * H3 resolution for what we keep about people and incidents: members' places and retained
 * incident locations. A res-8 hexagon averages 0.74 km² (edge ~530 m), which in Minneapolis holds
 * a couple of thousand residents, so a stored cell points at a part of a neighborhood, never at a
 * house. The cost is that alerts reach members up to one cell beyond the chosen radius.
 */
export const COARSE_RES = 8;

/** Throws a RangeError unless res is an H3 resolution (an integer 0–15). */
export function assertResolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15) {
    throw new RangeError(`H3 resolution must be an integer in [0, 15], got ${res}`);
  }
}
