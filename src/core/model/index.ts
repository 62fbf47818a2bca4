/**
 * The core's vocabulary: the grid snapshot (cells, merges, A1 addresses), text folding, value
 * parsing ("82,9%", "3.644/4.993", "14 điểm"), findings and their Vietnamese messages, UI
 * labels, report types, formula text and the small formula evaluator.
 */
export * from './convert-result';
export * from './findings';
export * from './formula-eval';
export * from './formula';
export * from './grid';
export * from './labels';
export * from './messages';
export * from './parse-value';
export * from './report-types';
export * from './text';
export * from './value-types';
