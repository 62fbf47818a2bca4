/**
 * With several files open: the Tổng hợp of core/rollup (as `cds-check rollup` prints it), the
 * communes ranked by rate, and "Tải bảng tổng hợp".
 */
import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { type Catalog, percentVi, ROLLUP_LEVELS, type RollupLevel } from '../../core';
import { rankEntries } from '../charts';
import type { Download } from '../downloads';
import { WEB_UI } from '../labels';
import { ROLLUP_LEVEL_LABELS, defaultRollupLevel, pageRollup, rollupDownload } from '../rollup';
import type { FileEntry } from '../workspace';
import { Notices } from './Notices';
import { RankChart } from './RankChart';
import { useRunner } from './use-runner';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300, minWidth: '100%' },
  th: {
    textAlign: 'left',
    padding: '4px 8px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  td: { padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  skipped: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface RollupSectionProps {
  files: FileEntry[];
  catalog: Catalog;
  onDownload: (d: Download) => void;
}

export function RollupSection({ files, catalog, onDownload }: RollupSectionProps) {
  const s = useStyles();
  const runner = useRunner();
  const [chosen, setChosen] = useState<RollupLevel | null>(null);
  const level = chosen ?? defaultRollupLevel(files);
  const model = useMemo(() => pageRollup(files, catalog, level), [files, catalog, level]);
  const skipped = model.files.filter((f) => f.status !== 'ok');
  const t = WEB_UI.table;
  const num = `${s.td} ${s.num}`;
  return (
    <section className={s.box} aria-labelledby="rollup-title" data-testid="rollup">
      <h2 className={s.title} id="rollup-title">
        {WEB_UI.rollupTitle}
      </h2>
      <div className={s.row}>
        <Field label={WEB_UI.rollupLevel}>
          <Select value={level} onChange={(_, d) => setChosen(d.value as RollupLevel)}>
            {ROLLUP_LEVELS.map((l) => (
              <option key={l} value={l}>
                {ROLLUP_LEVEL_LABELS[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          appearance="primary"
          disabled={runner.busy !== null || model.communes.length === 0}
          onClick={() =>
            void runner.run(WEB_UI.working(WEB_UI.downloadRollup, WEB_UI.rollupTitle), async () => {
              const d = await rollupDownload(model);
              onDownload(d);
              return d.messages;
            })
          }
        >
          {WEB_UI.downloadRollup}
        </Button>
      </div>
      <Notices runner={runner} testId="rollup-notices" />
      <div className={s.scroll}>
        <table className={s.table} data-testid="rollup-table">
          <thead>
            <tr>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.rank}
              </th>
              <th className={s.th} scope="col">
                {t.commune}
              </th>
              <th className={s.th} scope="col">
                {t.file}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.met}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.rate}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.unmet}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.undetermined}
              </th>
              <th className={`${s.th} ${s.num}`} scope="col">
                {t.errors}
              </th>
            </tr>
          </thead>
          <tbody>
            {model.communes.map((c) => (
              <tr key={`${c.file}›${c.sheet}`} data-file={c.file}>
                <td className={num}>{c.rank}</td>
                <th className={s.td} scope="row">
                  {c.commune}
                  {c.duplicates.length > 0 && (
                    <Text size={200} block className={s.skipped}>
                      {WEB_UI.duplicateOf(c.duplicates)}
                    </Text>
                  )}
                </th>
                <td className={s.td}>{c.file}</td>
                <td className={num}>{`${c.met}/${c.criteria}`}</td>
                <td className={num}>{percentVi(c.rate)}</td>
                <td className={num}>{c.unmet}</td>
                <td className={num}>{c.undetermined}</td>
                <td className={num}>{c.errors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {skipped.length > 0 && (
        <Text size={200} className={s.skipped}>
          {WEB_UI.rollupSkipped}: {skipped.map((f) => `${f.file} (${f.message})`).join('; ')}
        </Text>
      )}
      <RankChart entries={rankEntries(model)} />
    </section>
  );
}
