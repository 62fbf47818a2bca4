/** The pane opened in a plain browser tab: it needs Excel; the standalone page does not. */
import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { UI } from '../labels';

export function OutsideExcel() {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="outside-excel">
      <MessageBarBody>
        <MessageBarTitle>{UI.outsideTitle}</MessageBarTitle>
        {UI.outsideBody}{' '}
        <Link href={UI.standalonePage} data-testid="standalone-link">
          {UI.outsideLink}
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}
