/**
 * Met / unmet / undetermined criteria per group: one stacked bar each. The bars are SVG
 * drawn here; the labels are text beside them, so they stay readable at any width.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { GroupBar } from '../charts';
import { WEB_UI } from '../labels';

export const VERDICT_COLORS = { met: '#107C10', unmet: '#C50F1F', undetermined: '#8A8886' };
const VERDICTS = ['met', 'unmet', 'undetermined'] as const;

export const useChartStyles = makeStyles({
  figure: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    maxWidth: '640px',
    minWidth: 0,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
  },
  label: { fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  svg: { flexGrow: 1, minWidth: 0, height: '14px', display: 'block' },
  value: {
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
  },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: '4px' },
});

export function Legend() {
  const s = useChartStyles();
  return (
    <div className={s.legend} aria-hidden="true">
      {VERDICTS.map((k) => (
        <span key={k}>
          <span className={s.swatch} style={{ backgroundColor: VERDICT_COLORS[k] }} />
          {WEB_UI.chartLegend[k]}
        </span>
      ))}
    </div>
  );
}

export function GroupChart({ bars }: { bars: GroupBar[] }) {
  const s = useChartStyles();
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map((b) => b.met + b.unmet + b.undetermined));
  return (
    <figure className={s.figure} data-testid="group-chart">
      <figcaption className={s.caption}>{WEB_UI.chartTitle}</figcaption>
      <ul className={s.list}>
        {bars.map((b) => {
          const total = b.met + b.unmet + b.undetermined;
          let x = 0;
          const description = `${b.code}. ${b.name}: đạt ${b.met}, không đạt ${b.unmet}, chưa xác định ${b.undetermined}`;
          return (
            <li key={b.code} data-group={b.code} aria-label={description}>
              <div className={s.label} aria-hidden="true">{`${b.code}. ${b.name}`}</div>
              <div className={s.line} aria-hidden="true">
                <svg className={s.svg} viewBox={`0 0 ${max} 1`} preserveAspectRatio="none">
                  {VERDICTS.map((k) => {
                    const rect = b[k] > 0 && (
                      <rect
                        key={k}
                        x={x}
                        y={0}
                        width={b[k]}
                        height={1}
                        fill={VERDICT_COLORS[k]}
                        data-verdict={k}
                        data-count={b[k]}
                      >
                        <title>{`${WEB_UI.chartLegend[k]}: ${b[k]}`}</title>
                      </rect>
                    );
                    x += b[k];
                    return rect;
                  })}
                </svg>
                <span className={s.value}>{`${b.met}/${total}`}</span>
              </div>
            </li>
          );
        })}
      </ul>
      <Legend />
    </figure>
  );
}
