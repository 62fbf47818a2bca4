/** No appendix or form recognised: say what was looked for, offer a blank PHỤ LỤC 01. */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { UI } from '../labels';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export interface EmptyStateProps {
  sheetCount: number;
  busy: boolean;
  onInsert: () => void;
}

export function EmptyState({ sheetCount, busy, onInsert }: EmptyStateProps) {
  const s = useStyles();
  return (
    <section className={s.box} aria-labelledby="empty-title" data-testid="empty-state">
      <h3 className={s.title} id="empty-title">
        {UI.emptyTitle}
      </h3>
      <Text>{UI.emptyBody(sheetCount)}</Text>
      <Text>{UI.emptyOffer}</Text>
      <Button appearance="secondary" onClick={onInsert} disabled={busy}>
        {UI.insertBlank}
      </Button>
    </section>
  );
}
