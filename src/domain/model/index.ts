/**
 * The one content model: zod schemas per collection (`schemas`, `eligibility`), one type
 * per entity (`types`), the checks of the content as a whole (`integrity`, `readability`),
 * its display order (`order`) and the named views consumers take (`views`).
 */
export * as schemas from './schemas';
export * from './types';
export * from './eligibility';
export * from './integrity';
export * from './readability';
export * from './order';
export * from './views';
export * from './issues';
