/** The spinner and messages of a Runner, announced to screen readers. */
import {
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Runner } from './use-runner';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function Notices({ runner, testId }: { runner: Runner; testId?: string }) {
  const s = useStyles();
  return (
    <div className={s.box} aria-live="polite" role="status" data-testid={testId}>
      {runner.busy !== null && <Spinner size="tiny" label={runner.busy} />}
      {runner.notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline">
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
