/**
 * The sub-commands of `cds-check`, one line each. Modules are loaded only when their
 * command runs (or for `--help`), so starting the CLI stays cheap.
 */
import type { CliCommand } from '../command';

export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  validate: () => import('./validate'),
  fill: () => import('./fill'),
  appraise: () => import('./appraise'),
  template: () => import('./template'),
  catalog: () => import('./catalog'),
  report: () => import('./report'),
  rollup: () => import('./rollup'),
};
