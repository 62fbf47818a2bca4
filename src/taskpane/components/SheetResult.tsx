/** One recognised sheet: its kind, summary line, counts, ratios and grouped findings. */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Catalog } from '../../core/catalog/types';
import type { Finding, Severity } from '../../core/model/findings';
import { evidenceStatus } from '../../core/appendix/evidence-status';
import { ratioLineVi } from '../../core/model/labels';
import { summaryLineVi } from '../../core/model/messages';
import { pointsLineVi } from '../../core/scoring/messages';
import type { SheetReport } from '../../core/model/report-types';
import { groupFindings } from '../group-findings';
import { UI, kindLabel, severityLabel } from '../labels';
import { EvidenceStatusList } from './EvidenceStatusList';

const useStyles = makeStyles({
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, overflowWrap: 'anywhere' },
  summary: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  ratio: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  group: { marginTop: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
  },
  finding: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    alignItems: 'center',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: `1px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  selected: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace },
  message: { gridColumn: '1 / -1', overflowWrap: 'anywhere', minWidth: 0 },
  badge: { justifySelf: 'start' },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}#${f.rule}`;
}

export interface SheetResultProps {
  sheet: SheetReport;
  catalog: Catalog;
  selected: string | null;
  onSelect: (f: Finding) => void;
  /** Select any cell of the sheet (the evidence column); `key` marks the row as current. */
  onSelectCell?: (sheet: string, cell: string, key: string) => void;
  /** Every sheet of the report (to name the form an appendix result differs from). */
  allSheets?: SheetReport[];
}

export function SheetResult({
  sheet,
  catalog,
  selected,
  onSelect,
  onSelectCell,
  allSheets = [],
}: SheetResultProps) {
  const s = useStyles();
  const groups = groupFindings(sheet, catalog);
  const evidence = evidenceStatus(sheet, catalog, allSheets);
  const isAppendix = sheet.kind.startsWith('phu-luc');
  const total = { error: 0, warning: 0, info: 0 };
  for (const f of sheet.findings) total[f.severity]++;
  const headingId = `sheet-${(sheet.range ? `${sheet.name} ${sheet.range}` : sheet.name).replace(/\W+/g, '-')}`;
  return (
    <section className={s.sheet} aria-labelledby={headingId} data-testid="sheet-result">
      <h3 className={s.heading} id={headingId}>
        {sheet.range ? `${sheet.name} (${sheet.range})` : sheet.name}
      </h3>
      <Text size={200}>{kindLabel(sheet.kind)}</Text>
      {isAppendix && (
        <>
          <Text className={s.summary} data-testid="summary-line">
            {summaryLineVi(sheet.summary)}
          </Text>
          <Text size={200}>{UI.counts(sheet.summary)}</Text>
        </>
      )}
      {sheet.points && (
        <Text className={s.summary} data-testid="points-line">
          {pointsLineVi(sheet.points)}
        </Text>
      )}
      {sheet.ratios.length > 0 && (
        <ul className={s.list} aria-label={UI.ratios}>
          {sheet.ratios.map((r) => (
            <li key={`${r.label}@${r.cell}`}>
              <Text size={300} className={s.ratio} data-testid="ratio-line" data-cell={r.cell}>
                {ratioLineVi(r)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {onSelectCell && (
        <EvidenceStatusList
          sheet={sheet.name}
          entries={evidence}
          selected={selected}
          onSelectCell={onSelectCell}
        />
      )}
      <Text size={200} weight="semibold">
        {UI.findingCounts(total.error, total.warning, total.info)}
      </Text>
      {groups.map((g) => (
        <div
          className={s.group}
          key={g.key}
          role="group"
          aria-label={g.title}
          data-criterion={g.criterion}
        >
          <h4 className={s.groupTitle}>{g.title}</h4>
          <ul className={s.list}>
            {g.findings.map((f) => {
              const key = findingKey(f);
              return (
                <li key={key}>
                  <button
                    type="button"
                    className={`${s.finding} ${selected === key ? s.selected : ''}`}
                    onClick={() => onSelect(f)}
                    title={UI.goTo(f.sheet, f.cell)}
                    aria-label={`${severityLabel(f.severity)} ô ${f.cell}: ${f.message}`}
                    aria-current={selected === key ? 'true' : undefined}
                    data-testid="finding"
                    data-cell={f.cell}
                    data-sheet={f.sheet}
                  >
                    <Badge
                      className={s.badge}
                      appearance="tint"
                      color={BADGE[f.severity]}
                      size="small"
                    >
                      {severityLabel(f.severity)}
                    </Badge>
                    <span className={s.cell}>{f.cell}</span>
                    <span className={s.message}>{f.message}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
