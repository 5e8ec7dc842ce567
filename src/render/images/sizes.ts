// Sizes the job builders and the drawing share, in a module without the canvas: the main thread builds jobs
// and must not load the native drawing library, which only the picture workers need.

/** A phone shows a taller picture too small to read; further races are in the text and counted. */
export const MAX_RACE_ROWS = 10;
