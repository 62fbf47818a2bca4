/**
 * PHỤ LỤC 01/02/03: result roles, header vocabulary, recognition, evaluation against the
 * catalog, verdict formulas, the summary block, evidence status, blank templates, fill and
 * appraise plans.
 */
export * from './appraise';
export * from './evaluate';
export * from './evidence-status';
export * from './fill';
export * from './headers';
export * from './recognize';
export * from './roles';
export * from './summary-block';
export * from './template';
export * from './verdict-formula';
