/** Communes ranked by their rate of criteria met: SVG bars drawn here, text labels beside. */
import { percentVi } from '../../core';
import type { RankEntry } from '../charts';
import { WEB_UI } from '../labels';
import { VERDICT_COLORS, useChartStyles } from './GroupChart';

export function RankChart({ entries }: { entries: RankEntry[] }) {
  const s = useChartStyles();
  if (entries.length === 0) return null;
  return (
    <figure className={s.figure} data-testid="rank-chart">
      <figcaption className={s.caption}>{WEB_UI.rankTitle}</figcaption>
      <ol className={s.list}>
        {entries.map((e) => (
          <li
            key={e.key}
            data-rank={e.rank}
            data-label={e.label}
            data-rate={e.rate}
            aria-label={`${e.rank}. ${e.label}: ${percentVi(e.rate)} (${e.met}/${e.criteria})`}
          >
            <div className={s.label} aria-hidden="true">{`${e.rank}. ${e.label}`}</div>
            <div className={s.line} aria-hidden="true">
              <svg className={s.svg} viewBox="0 0 1000 1" preserveAspectRatio="none">
                <rect x={0} y={0} width={1000} height={1} fill="#EDEBE9" />
                <rect
                  x={0}
                  y={0}
                  width={Math.round(e.rate * 1000)}
                  height={1}
                  fill={VERDICT_COLORS.met}
                />
              </svg>
              <span className={s.value}>{`${percentVi(e.rate)} (${e.met}/${e.criteria})`}</span>
            </div>
          </li>
        ))}
      </ol>
    </figure>
  );
}
