/**
 * The pane's catalog block: which catalog the checks use (bundled or the workbook's own) and
 * **Dùng bảng này làm bộ tiêu chí** on a criteria table of the open workbook. Logic in
 * catalog-actions.ts; actions go through the pane's `run`, then Kiểm tra runs again.
 */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { usePane } from '../pane-context';
import {
  adoptTableAction,
  CATALOG_UI,
  chooseCatalogAction,
  chooserState,
  criteriaTableSheets,
  officeCatalogHost,
  type CatalogHost,
} from './catalog-actions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  // long catalog titles must not widen the pane (a <select> is as wide as its longest option)
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%', '& select': { textOverflow: 'ellipsis' } },
});

export interface CatalogActionsProps {
  host?: CatalogHost;
}

export function CatalogActions({ host = officeCatalogHost }: CatalogActionsProps) {
  const s = useStyles();
  const pane = usePane();
  const [version, setVersion] = useState(0);
  // `version` changes after each choice: the stored setting is read again
  const chooser = useMemo(() => chooserState(host), [host, version]);
  const tables = useMemo(
    () => (pane.result ? criteriaTableSheets(pane.result.snapshot, pane.result.report) : []),
    [pane.result],
  );
  const [table, setTable] = useState('');
  const chosenTable = tables.includes(table) ? table : (tables[0] ?? '');

  const onChoose = useCallback(
    (key: string) =>
      pane.run(CATALOG_UI.choosing, async () => {
        const messages = await chooseCatalogAction(host, key);
        setVersion((v) => v + 1);
        if (pane.result) await pane.recheck();
        return messages;
      }),
    [pane, host],
  );

  const onAdopt = useCallback(
    () =>
      pane.run(CATALOG_UI.adopting, async () => {
        const r = await adoptTableAction(host, chosenTable);
        setVersion((v) => v + 1);
        if (r.ok) await pane.recheck();
        return r.messages;
      }),
    [pane, host, chosenTable],
  );

  return (
    <div className={s.root}>
      <Field className={s.field} label={CATALOG_UI.chooser} validationMessage={chooser.problem}>
        <Select
          className={s.select}
          value={chooser.active}
          disabled={pane.busy}
          onChange={(_, d) => void onChoose(d.value)}
        >
          {chooser.options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {tables.length > 0 && (
        <div className={s.row}>
          <Field className={s.field} label={CATALOG_UI.tableSheet}>
            <Select
              className={s.select}
              value={chosenTable}
              disabled={pane.busy}
              onChange={(_, d) => setTable(d.value)}
            >
              {tables.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void onAdopt()} disabled={pane.busy || !chosenTable}>
            {CATALOG_UI.adopt}
          </Button>
        </div>
      )}
    </div>
  );
}
