export { parseArticle } from './article.js';
export type { ParsedArticle } from './article.js';
export { ArticleParseError } from './errors.js';
export { parseRaceTime, parseMarkCell, formatDuration } from './time.js';
export { parseDateList, parseStartLine } from './dates.js';
