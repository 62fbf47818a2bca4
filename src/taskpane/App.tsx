/**
 * The task pane: Kiểm tra / Xoá đánh dấu, the result of each recognised sheet with its
 * findings (a click selects the cell), the empty state, and the extra actions.
 * Every action goes through `run`, which shows a spinner and then the action's messages
 * or its error — nothing is swallowed.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { Finding } from '../core/model/findings';
import type { CheckResult } from '../excel';
import { EmptyState } from './components/EmptyState';
import { OutsideExcel } from './components/OutsideExcel';
import { SheetResult, findingKey } from './components/SheetResult';
import { ExtraActions } from './extra-actions';
import { officeHost, type PaneHost } from './host';
import { UI, kindLabel } from './labels';
import { PaneContext, type PaneApi } from './pane-context';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  messages: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  results: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  resultsTitle: { margin: 0, fontSize: tokens.fontSizeBase400 },
  others: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

interface Notice {
  intent: 'info' | 'warning' | 'error' | 'success';
  text: string;
}

export interface AppProps {
  host?: PaneHost;
  /** Opened in a plain browser, not in Excel: say so and link to the standalone page. */
  outsideExcel?: boolean;
}

function asList(v: string | string[] | void): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App({ host = officeHost, outsideExcel = false }: AppProps) {
  const s = useStyles();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  // read on each render: the workbook's catalog may change (Dùng bảng này làm bộ tiêu chí)
  const catalog = host.catalog();

  const run = useCallback<PaneApi['run']>(async (label, action) => {
    setBusy(label);
    setNotices([]);
    try {
      const out = asList(await action());
      setNotices(out.map((text) => ({ intent: 'info', text })));
    } catch (e) {
      setNotices([{ intent: 'error', text: errorText(e) }]);
    } finally {
      setBusy(null);
    }
  }, []);

  const check = useCallback(async (): Promise<string[]> => {
    const r = await host.check();
    setResult(r);
    setSelected(null);
    const out = [...r.messages];
    if (r.marks) {
      out.unshift(UI.marked(r.marks.marked));
      if (r.marks.restored > 0) out.push(UI.restoredOld(r.marks.restored));
    }
    return out;
  }, [host]);

  const onCheck = useCallback(() => run(UI.checking, check), [run, check]);
  const recheck = useCallback(() => run(UI.checking, check), [run, check]);

  const onClear = useCallback(
    () =>
      run(UI.clearing, async () => {
        const r = await host.clearMarks();
        return r.restored > 0 ? [UI.cleared(r.restored), ...r.messages] : r.messages;
      }),
    [run, host],
  );

  const onRollup = useCallback(() => run(UI.rollingUp, () => host.rollupCommunes()), [run, host]);

  const onInsert = useCallback(
    () =>
      run(UI.inserting, async () => {
        const r = await host.insertBlankAppendix();
        const after = await check();
        return [r.description, ...r.notes, ...after];
      }),
    [run, host, check],
  );

  const onSelectCell = useCallback(
    async (sheet: string, cell: string, key: string) => {
      setSelected(key);
      try {
        await host.select(sheet, cell);
      } catch (e) {
        setNotices([{ intent: 'error', text: errorText(e) }]);
      }
    },
    [host],
  );
  const onSelect = useCallback(
    (f: Finding) => onSelectCell(f.sheet, f.cell, findingKey(f)),
    [onSelectCell],
  );

  const api: PaneApi = useMemo(
    () => ({ result, busy: busy !== null, run, recheck }),
    [result, busy, run, recheck],
  );
  const recognised = result?.report.sheets.filter((x) => x.kind !== 'unknown') ?? [];
  const others = result?.report.sheets.filter((x) => x.kind === 'unknown') ?? [];

  return (
    <PaneContext.Provider value={api}>
      <main className={s.root}>
        <h1 className={s.title}>{UI.title}</h1>
        {outsideExcel && <OutsideExcel />}
        <div className={s.toolbar} role="toolbar" aria-label="Thao tác">
          <Button appearance="primary" onClick={() => void onCheck()} disabled={busy !== null}>
            {UI.check}
          </Button>
          <Button appearance="secondary" onClick={() => void onClear()} disabled={busy !== null}>
            {UI.clearMarks}
          </Button>
          <Button appearance="secondary" onClick={() => void onRollup()} disabled={busy !== null}>
            {UI.rollup}
          </Button>
        </div>
        <ExtraActions />
        <div className={s.messages} aria-live="polite" role="status">
          {busy !== null && <Spinner size="tiny" label={busy} />}
          {notices.map((n, i) => (
            <MessageBar key={i} intent={n.intent} layout="multiline">
              <MessageBarBody>{n.text}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
        {result === null && busy === null && <Text>{UI.intro}</Text>}
        {result !== null && recognised.length === 0 && (
          <EmptyState
            sheetCount={result.report.sheets.length}
            busy={busy !== null}
            onInsert={() => void onInsert()}
          />
        )}
        {recognised.length > 0 && (
          <section className={s.results} aria-labelledby="results-title">
            <h2 className={s.resultsTitle} id="results-title">
              {UI.results}
            </h2>
            {recognised.map((sheet) => (
              <SheetResult
                key={`${sheet.name}@${sheet.range ?? ''}`}
                sheet={sheet}
                catalog={catalog}
                selected={selected}
                onSelect={(f) => void onSelect(f)}
                onSelectCell={(sheet, cell, key) => void onSelectCell(sheet, cell, key)}
                allSheets={result?.report.sheets}
              />
            ))}
            {others.length > 0 && (
              <Text size={200} className={s.others}>
                {UI.otherSheets} ({kindLabel('unknown')}): {others.map((o) => o.name).join(', ')}
              </Text>
            )}
          </section>
        )}
      </main>
    </PaneContext.Provider>
  );
}
