/**
 * Pane buttons of the formulas/appraisal module: **Điền công thức**, **Tạo sheet thẩm định**
 * (level/chain from the catalog, optionally next to the table) and **Hoàn tác** of the last
 * of them. Rendered by the pane (extra-actions.tsx); actions go through the pane's `run`.
 */
import { Button, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { usePane } from '../pane-context';
import {
  appraisalChoices,
  appraiseAction,
  fillAction,
  FORMULA_UI,
  officeFormulaHost,
  type FormulaHost,
} from './formula-actions';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export interface FormulaActionsProps {
  host?: FormulaHost;
}

export function FormulaActions({ host = officeFormulaHost }: FormulaActionsProps) {
  const s = useStyles();
  const pane = usePane();
  const catalog = useMemo(() => host.catalog(), [host]);
  const choices = useMemo(() => appraisalChoices(catalog), [catalog]);
  const [choiceKey, setChoiceKey] = useState(choices[0]?.key ?? '');
  const [adjacent, setAdjacent] = useState(false);
  const [undo, setUndo] = useState<{ run: () => Promise<string[]> } | null>(null);

  const onFill = useCallback(
    () =>
      pane.run(FORMULA_UI.filling, async () => {
        const r = await fillAction(host);
        if (r.undo) setUndo({ run: r.undo });
        return r.messages;
      }),
    [pane, host],
  );

  const onAppraise = useCallback(
    () =>
      pane.run(FORMULA_UI.appraising, async () => {
        const choice = choices.find((c) => c.key === choiceKey) ?? choices[0];
        if (!choice) return [];
        const r = await appraiseAction(host, choice, adjacent);
        if (r.undo) setUndo({ run: r.undo });
        return r.messages;
      }),
    [pane, host, choices, choiceKey, adjacent],
  );

  const onUndo = useCallback(
    () =>
      pane.run(FORMULA_UI.undoing, async () => {
        if (!undo) return FORMULA_UI.nothingToUndo;
        const notes = await undo.run();
        setUndo(null);
        return [`${FORMULA_UI.undo}: xong.`, ...notes];
      }),
    [pane, undo],
  );

  return (
    <section className={s.root} aria-label="Công thức và thẩm định">
      <div className={s.row}>
        <Button onClick={() => void onFill()} disabled={pane.busy}>
          {FORMULA_UI.fill}
        </Button>
        <Button onClick={() => void onUndo()} disabled={pane.busy || !undo}>
          {FORMULA_UI.undo}
        </Button>
      </div>
      {choices.length > 0 && (
        <div className={s.row}>
          <Field label={FORMULA_UI.level}>
            <Select value={choiceKey} onChange={(_, d) => setChoiceKey(d.value)}>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            checked={adjacent}
            onChange={(_, d) => setAdjacent(!!d.checked)}
            label={FORMULA_UI.adjacent}
          />
          <Button onClick={() => void onAppraise()} disabled={pane.busy}>
            {FORMULA_UI.appraise}
          </Button>
        </div>
      )}
    </section>
  );
}
