/**
 * Pane buttons of the report module: **Soạn báo cáo (Word)** (the .docx of the open
 * workbook, downloaded — or, where the pane cannot download, where else to get it) and
 * **Chuẩn bị in** (print setup of the appendix sheets) with its **Hoàn tác**. The work is in
 * report-actions.ts; actions go through the pane's `run`.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { usePane } from '../pane-context';
import {
  draftReportAction,
  officeReportHost,
  preparePrintAction,
  REPORT_UI,
  type ReportHost,
} from './report-actions';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ReportActionsProps {
  host?: ReportHost;
}

export function ReportActions({ host = officeReportHost }: ReportActionsProps) {
  const s = useStyles();
  const pane = usePane();
  const [undo, setUndo] = useState<{ run: () => Promise<string[]> } | null>(null);

  const onReport = useCallback(
    () => pane.run(REPORT_UI.reporting, async () => (await draftReportAction(host)).messages),
    [pane, host],
  );
  const onPrint = useCallback(
    () =>
      pane.run(REPORT_UI.printing, async () => {
        const r = await preparePrintAction(host);
        if (r.undo) setUndo({ run: r.undo });
        return r.messages;
      }),
    [pane, host],
  );
  const onUndo = useCallback(
    () =>
      pane.run(REPORT_UI.undoing, async () => {
        if (!undo) return [];
        const notes = await undo.run();
        setUndo(null);
        return [`${REPORT_UI.undo}: xong.`, ...notes];
      }),
    [pane, undo],
  );

  return (
    <section className={s.row} aria-label="Báo cáo và in">
      <Button onClick={() => void onReport()} disabled={pane.busy}>
        {REPORT_UI.report}
      </Button>
      <Button onClick={() => void onPrint()} disabled={pane.busy}>
        {REPORT_UI.print}
      </Button>
      {undo && (
        <Button onClick={() => void onUndo()} disabled={pane.busy}>
          {REPORT_UI.undo}
        </Button>
      )}
    </section>
  );
}
