/**
 * What the pane offers to its action components (ours and the extra actions of
 * extra-actions.tsx): the last check's result, a busy flag, `run` to execute an action with
 * the pane's spinner and error display, and `recheck` to run Kiểm tra again after a change.
 */
import { createContext, useContext } from 'react';
import type { CheckResult } from '../excel';

export interface PaneApi {
  /** The last Kiểm tra (report + the snapshot the core saw); null before the first one. */
  result: CheckResult | null;
  busy: boolean;
  /**
   * Run an action: the pane shows `label` with a spinner, then the Vietnamese messages the
   * action returns (or its error, never hidden).
   */
  run: (label: string, action: () => Promise<string | string[] | void>) => Promise<void>;
  /** Run Kiểm tra again (marks the sheets), e.g. after a plan was applied. */
  recheck: () => Promise<void>;
}

export const PaneContext = createContext<PaneApi | null>(null);

export function usePane(): PaneApi {
  const api = useContext(PaneContext);
  if (!api) throw new Error('usePane() outside <PaneContext.Provider>');
  return api;
}
