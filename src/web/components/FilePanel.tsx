/**
 * One open file: its downloads, its charts, the pane's SheetResult for every recognised
 * sheet (same summary and findings as `cds-check validate`), and the grid preview of the
 * clicked finding. Everything it shows or writes is computed outside (web/*.ts, core).
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { Catalog, Finding } from '../../core';
import { EmptyState } from '../../taskpane/components/EmptyState';
import { SheetResult, findingKey } from '../../taskpane/components/SheetResult';
import { appraisalChoices } from '../../taskpane/appraisal-choices';
import { kindLabel, UI } from '../../taskpane/labels';
import { groupBars } from '../charts';
import {
  appraiseDownload,
  fillDownload,
  marksDownload,
  reportDownload,
  type Download,
} from '../downloads';
import { fileHost } from '../file-host';
import { WEB_UI } from '../labels';
import { buildPreview } from '../preview';
import { appendixSheets, recognisedSheets, type FileEntry } from '../workspace';
import { GridPreviewView } from './GridPreviewView';
import { GroupChart } from './GroupChart';
import { Notices } from './Notices';
import { useRunner } from './use-runner';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
  },
  name: { margin: 0, fontSize: tokens.fontSizeBase500, overflowWrap: 'anywhere', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingHorizontalL,
    '@media (min-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(320px, 42%)' },
  },
  results: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  aside: {
    position: 'sticky',
    bottom: 0,
    alignSelf: 'end',
    zIndex: 1,
    '@media (min-width: 960px)': {
      top: tokens.spacingVerticalS,
      bottom: 'auto',
      alignSelf: 'start',
    },
  },
  hint: { color: tokens.colorNeutralForeground3 },
  others: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface FilePanelProps {
  file: FileEntry;
  catalog: Catalog;
  onClose: () => void;
  onDownload: (d: Download) => void;
}

export function FilePanel({ file, catalog, onClose, onDownload }: FilePanelProps) {
  const s = useStyles();
  const runner = useRunner();
  const choices = useMemo(() => appraisalChoices(catalog), [catalog]);
  const [choiceKey, setChoiceKey] = useState(choices[0]?.key ?? '');
  const [selected, setSelected] = useState<{ key: string; sheet: string; cell: string } | null>(
    null,
  );
  const headingId = `${file.id}-name`;

  const host = useMemo(
    () =>
      file.status === 'ok'
        ? fileHost(file, catalog, {
            onSelect: (sheet, cell) =>
              setSelected((cur) => ({ key: cur?.key ?? `${sheet}!${cell}`, sheet, cell })),
            onDownload,
          })
        : null,
    [file, catalog, onDownload],
  );

  const download = useCallback(
    (label: string, make: () => Promise<Download>) =>
      runner.run(WEB_UI.working(label, file.name), async () => {
        const d = await make();
        onDownload(d);
        return d.messages;
      }),
    [runner, file.name, onDownload],
  );

  const onSelect = useCallback(
    (f: Finding) => {
      setSelected({ key: findingKey(f), sheet: f.sheet, cell: f.cell });
      void host?.select(f.sheet, f.cell);
    },
    [host],
  );
  const onSelectCell = useCallback(
    (sheet: string, cell: string, key: string) => {
      setSelected({ key, sheet, cell });
      void host?.select(sheet, cell);
    },
    [host],
  );

  if (file.status === 'error')
    return (
      <section
        className={s.panel}
        aria-labelledby={headingId}
        data-testid="file-panel"
        data-file={file.name}
      >
        <div className={s.head}>
          <h2 className={s.name} id={headingId}>
            {file.name}
          </h2>
          <Button onClick={onClose}>{WEB_UI.close}</Button>
        </div>
        <MessageBar intent="error" layout="multiline" data-testid="file-error">
          <MessageBarBody>{file.error}</MessageBarBody>
        </MessageBar>
      </section>
    );

  const recognised = recognisedSheets(file);
  const others = file.report.sheets.filter((x) => x.kind === 'unknown');
  const appendices = appendixSheets(file);
  const busy = runner.busy !== null;
  const preview =
    selected && file.snapshot.sheets.find((g) => g.name === selected.sheet)
      ? buildPreview(
          file.snapshot.sheets.find((g) => g.name === selected.sheet)!,
          file.report.sheets.find((r) => r.name === selected.sheet),
          selected.cell,
        )
      : null;

  return (
    <section
      className={s.panel}
      aria-labelledby={headingId}
      data-testid="file-panel"
      data-file={file.name}
    >
      <div className={s.head}>
        <h2 className={s.name} id={headingId}>
          {file.name}
        </h2>
        <Button onClick={onClose}>{WEB_UI.close}</Button>
      </div>
      {recognised.length > 0 && (
        <div role="group" aria-label={WEB_UI.downloads} className={s.row}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void download(WEB_UI.downloadFill, () => fillDownload(file, catalog))}
          >
            {WEB_UI.downloadFill}
          </Button>
          <Button
            disabled={busy}
            onClick={() => void download(WEB_UI.downloadMarks, () => marksDownload(file))}
          >
            {WEB_UI.downloadMarks}
          </Button>
          {appendices.length > 1 && host && (
            <Button
              disabled={busy}
              onClick={() =>
                void runner.run(WEB_UI.working(UI.rollup, file.name), () => host.rollupCommunes())
              }
            >
              {WEB_UI.downloadWorkbookRollup}
            </Button>
          )}
          {appendices.length > 0 && (
            <Button
              disabled={busy}
              onClick={() =>
                void download(WEB_UI.downloadReport, () => reportDownload(file, catalog))
              }
            >
              {WEB_UI.downloadReport}
            </Button>
          )}
        </div>
      )}
      {appendices.length > 0 && choices.length > 0 && (
        <div className={s.row}>
          <Field label={WEB_UI.level}>
            <Select
              value={choiceKey}
              onChange={(_, d) => setChoiceKey(d.value)}
              data-testid="appraise-choice"
            >
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={busy}
            onClick={() => {
              const choice = choices.find((c) => c.key === choiceKey) ?? choices[0];
              void download(WEB_UI.downloadAppraise, () => appraiseDownload(file, catalog, choice));
            }}
          >
            {WEB_UI.downloadAppraise}
          </Button>
        </div>
      )}
      <Notices runner={runner} testId="file-notices" />
      {recognised.length === 0 && host && (
        <EmptyState
          sheetCount={file.report.sheets.length}
          busy={busy}
          onInsert={() =>
            void runner.run(UI.inserting, async () => {
              const r = await host.insertBlankAppendix();
              return [r.description, ...r.notes];
            })
          }
        />
      )}
      {appendices.map((a) => (
        <GroupChart key={a.name} bars={groupBars(a, catalog)} />
      ))}
      {recognised.length > 0 && (
        <div className={s.body}>
          <div className={s.results}>
            {recognised.map((sheet) => (
              <SheetResult
                key={sheet.name}
                sheet={sheet}
                catalog={catalog}
                selected={selected?.key ?? null}
                onSelect={onSelect}
                onSelectCell={onSelectCell}
                allSheets={file.report.sheets}
              />
            ))}
            {others.length > 0 && (
              <Text size={200} className={s.others}>
                {UI.otherSheets} ({kindLabel('unknown')}): {others.map((o) => o.name).join(', ')}
              </Text>
            )}
          </div>
          <aside className={s.aside} aria-live="polite">
            {preview ? (
              <GridPreviewView preview={preview} onClose={() => setSelected(null)} />
            ) : (
              <Text size={200} className={s.hint}>
                {WEB_UI.previewHint}
              </Text>
            )}
          </aside>
        </div>
      )}
    </section>
  );
}
