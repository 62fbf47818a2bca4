/**
 * The criteria catalog (src/catalog/*.json): its types, loading, validation and look-ups
 * (criteria by code, levels, appraisal chains).
 */
export * from './catalog';
export * from './types';
export * from './scoring';
export * from './table-import';
export * from './table-export';
