/** Vietnamese labels for what the CLI prints: shared UI text, kept in the core (src/core/labels.ts). */
export { KIND_LABELS, SEVERITY_LABELS, kindLabel, numberVi, percentVi } from '../core/labels';
