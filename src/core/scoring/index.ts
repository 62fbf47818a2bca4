/** Point-scored sheets (kind `dti`): recognition, evaluation, fill. */
export * from './types';
export { classifyScoringHeader, bracketFigure, isPointsGroupTitle } from './headers';
export { recognizeScoring, readCode, readPoints } from './recognize';
export { evaluateScoring, pointsSummary, rulePoints, nodeLabel, SUM_TOLERANCE } from './evaluate';
export { pointsMsg, pointsLineVi } from './messages';
export {
  planScoringFill,
  planScoringSheets,
  sumFormula,
  ruleFormula,
  type ScoringFill,
} from './fill';
