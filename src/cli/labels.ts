/** Vietnamese labels for what the CLI prints: shared UI text, kept in the core (src/core/model/labels.ts). */
export { KIND_LABELS, SEVERITY_LABELS, kindLabel, numberVi, percentVi } from '../core/model/labels';
