/** The grid preview of a clicked finding: a few rows of the table, the cell highlighted. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { GridPreview } from '../preview';
import { WEB_UI } from '../labels';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
    maxHeight: '45vh',
    overflowY: 'auto',
    '@media (min-width: 960px)': { maxHeight: 'calc(100vh - 24px)' },
  },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px' },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, overflowWrap: 'anywhere' },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  // the table takes the widths its texts want (up to 220 px a column); the box scrolls
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, width: 'max-content' },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
  },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    maxWidth: '220px',
    minWidth: '2.5em',
    verticalAlign: 'top',
    overflowWrap: 'break-word',
  },
  headerRow: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  hit: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: '-2px',
    backgroundColor: '#FFC7CE',
  },
});

export interface GridPreviewViewProps {
  preview: GridPreview;
  onClose: () => void;
}

export function GridPreviewView({ preview, onClose }: GridPreviewViewProps) {
  const s = useStyles();
  const title = WEB_UI.previewTitle(preview.sheet, preview.cell);
  const scroller = useRef<HTMLDivElement>(null);
  // bring the highlighted cell into the box's view (a narrow screen shows only a few columns)
  useEffect(() => {
    const box = scroller.current;
    const hit = box?.querySelector<HTMLElement>('[data-highlighted="true"]');
    if (!box || !hit) return;
    box.scrollLeft = Math.max(0, hit.offsetLeft - (box.clientWidth - hit.offsetWidth) / 2);
  }, [preview]);
  return (
    <section
      className={s.box}
      aria-label={title}
      data-testid="grid-preview"
      data-cell={preview.cell}
    >
      <div className={s.head}>
        <h4 className={s.title}>{title}</h4>
        <Button size="small" appearance="subtle" onClick={onClose}>
          {WEB_UI.previewClose}
        </Button>
      </div>
      <div className={s.scroll} ref={scroller}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} />
              {preview.columns.map((c) => (
                <th key={c} className={s.th} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.number} className={r.header ? s.headerRow : undefined}>
                <th className={s.th} scope="row">
                  {r.number}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.address}
                    className={`${s.td} ${c.highlighted ? s.hit : ''}`}
                    title={c.formula ? `${c.address}: ${c.formula}` : c.address}
                    data-address={c.address}
                    data-highlighted={c.highlighted ? 'true' : undefined}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
