/**
 * Evidence forms (Mẫu 1.4, 2.5, 2.6, 3.3, 4.1, 4.5 of Hướng dẫn 2142/STTTT-CNTT): recognise and count them, check
 * their entries, compare them with PHỤ LỤC 01, fill them with formulas, link the appendix to them,
 * check the evidence folder, and write blank forms.
 */
export type {
  FormKind,
  FormColumnKind,
  FormList,
  FormRow,
  FormRecognition,
  SummaryLine,
} from './types';
export { FORM_DEFS, formDef, formNumber } from './definitions';
export type {
  FormDef,
  FormListDef,
  FormColumnDef,
  FormRatioDef,
  FormSummaryDef,
} from './definitions';
export { recognizeForm, recognizeForms, findTitle } from './recognize-form';
export { evaluateForm, countRatio, criteriaForRatio, type FormEvaluation } from './evaluate-form';
export {
  readTick,
  readMark,
  classifyMarkText,
  emailProblem,
  normalisePhone,
  type Mark,
} from './ticks';
export { crossCheckEvidence, linkedRatio, resultCell } from './cross-check';
export {
  checkEvidenceFolders,
  folderMatchesCode,
  hasEvidenceFolder,
  fileReferences,
  fileListed,
} from './evidence-folders';
export { planFillForms, ratioFormat } from './fill-forms';
export { planLinkForms, planFormEdits, formReference, type LinkOptions } from './link-forms';
export { ratioFormula, tickExpr } from './formulas';
export {
  planFormTemplate,
  FORM_KINDS,
  isFormKind,
  formSheetName,
  type FormTemplateOptions,
} from './template';
export { applyPlanToSnapshot } from '../plan/apply-to-snapshot';
