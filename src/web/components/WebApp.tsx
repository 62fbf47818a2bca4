/**
 * The standalone page: choose or drop files, see each file's result as the task pane shows
 * it, download what the CLI would write; with several files, the Tổng hợp table and the
 * ranking. Reading and planning live in src/web/*.ts and the core.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { defaultCatalog } from '../../core';
import type { Download } from '../downloads';
import { WEB_UI } from '../labels';
import { fileBytes, saveFile } from '../save-file';
import { appendixSheets, openWorkbookFile, type FileEntry, type OpenedFile } from '../workspace';
import { FilePanel } from './FilePanel';
import { FilePicker } from './FilePicker';
import { Notices } from './Notices';
import { RollupSection } from './RollupSection';
import { TemplatePanel } from './TemplatePanel';
import { useRunner } from './use-runner';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    margin: '0 auto',
    boxSizing: 'border-box',
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700 },
  privacy: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  filesHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
  },
  footer: {
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
  },
});

export function WebApp() {
  const s = useStyles();
  const catalog = useMemo(() => defaultCatalog(), []);
  const runner = useRunner();
  const [files, setFiles] = useState<FileEntry[]>([]);

  const onDownload = useCallback((d: Download) => {
    if (d.bytes && d.fileName) saveFile(d.bytes, d.fileName, d.mime ?? 'application/octet-stream');
  }, []);

  const onFiles = useCallback(
    (chosen: File[]) =>
      runner.run(WEB_UI.reading(1, chosen.length, chosen[0].name), async () => {
        const opened: FileEntry[] = [];
        for (let i = 0; i < chosen.length; i++) {
          const f = chosen[i];
          if (i > 0) {
            runner.setNotices([
              { intent: 'info', text: WEB_UI.reading(i + 1, chosen.length, f.name) },
            ]);
            await new Promise((r) => setTimeout(r, 0));
          }
          opened.push(await openWorkbookFile(f.name, await fileBytes(f), catalog));
        }
        setFiles((cur) => [...cur, ...opened]);
        return [];
      }),
    [runner, catalog],
  );

  const ok = files.filter((f): f is OpenedFile => f.status === 'ok');

  return (
    <main className={s.root}>
      <header className={s.header}>
        <h1 className={s.title}>{WEB_UI.title}</h1>
        <Text className={s.privacy}>{WEB_UI.privacy}</Text>
        <Text>{WEB_UI.intro}</Text>
      </header>
      <FilePicker disabled={runner.busy !== null} onFiles={(files) => void onFiles(files)} />
      <Notices runner={runner} testId="page-notices" />
      {files.length > 0 && (
        <div className={s.filesHead}>
          <Text weight="semibold">{WEB_UI.files(files.length)}</Text>
          <Button appearance="subtle" onClick={() => setFiles([])}>
            {WEB_UI.closeAll}
          </Button>
        </div>
      )}
      {(ok.length > 1 || (ok.length === 1 && appendixSheets(ok[0]).length > 1)) && (
        <RollupSection files={files} catalog={catalog} onDownload={onDownload} />
      )}
      {files.map((f) => (
        <FilePanel
          key={f.id}
          file={f}
          catalog={catalog}
          onDownload={onDownload}
          onClose={() => setFiles((cur) => cur.filter((x) => x.id !== f.id))}
        />
      ))}
      <footer className={s.footer}>
        <TemplatePanel catalog={catalog} onDownload={onDownload} />
      </footer>
    </main>
  );
}
