/** Text place and GPS farther apart than this: show both and ask (issue 20). */
export const PLACE_DISAGREE_METERS = 300;
