/**
 * The evidence column of an appendix (issue 6 §5): each criterion's code with the status of its
 * Tài liệu minh chứng cell (src/core/appendix/evidence-status.ts). A collapsible list (a disclosure
 * button with aria-expanded, carrying the counts); a row's button selects the evidence cell;
 * the reference under it stays selectable text, with its web links clickable.
 */
import { Badge, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import {
  countEvidenceStatus,
  splitLinks,
  type EvidenceStatus,
  type EvidenceStatusKind,
} from '../../core/appendix/evidence-status';
import { EVIDENCE_UI, evidenceStatusLabel } from '../../core/model/labels';

const useStyles = makeStyles({
  box: { marginTop: tokens.spacingVerticalXS },
  toggle: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'baseline',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: '1px solid transparent',
    borderRadius: tokens.borderRadiusMedium,
    background: 'none',
    cursor: 'pointer',
    font: 'inherit',
    color: 'inherit',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  chevron: { flexShrink: 0, width: '1em', textAlign: 'center' },
  counts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    // `display: flex` would otherwise win over the `hidden` attribute: the list never closed
    '&[hidden]': { display: 'none' },
  },
  item: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, paddingBlock: '2px' },
  row: {
    display: 'grid',
    gridTemplateColumns: '3.2em 1fr auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    width: '100%',
    textAlign: 'left',
    padding: `2px ${tokens.spacingHorizontalXS}`,
    border: '1px solid transparent',
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
  code: { fontWeight: tokens.fontWeightSemibold },
  badge: { justifySelf: 'start', maxWidth: '100%' },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  reference: {
    margin: `0 0 2px calc(3.2em + ${tokens.spacingHorizontalS} + ${tokens.spacingHorizontalXS})`,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
    minWidth: 0,
    userSelect: 'text',
  },
});

const BADGE: Record<EvidenceStatusKind, 'success' | 'warning' | 'subtle' | 'danger'> = {
  present: 'success',
  missing: 'warning',
  'not-required': 'subtle',
  differs: 'danger',
};

export function evidenceKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}#minh-chung`;
}

export interface EvidenceStatusListProps {
  sheet: string;
  entries: EvidenceStatus[];
  selected: string | null;
  onSelectCell: (sheet: string, cell: string, key: string) => void;
  /** Open at first render (collapsed by default: the findings come first). */
  defaultOpen?: boolean;
}

function Reference({ text, className }: { text: string; className: string }) {
  return (
    <div className={className} data-testid="evidence-reference">
      {splitLinks(text).map((p, i) =>
        p.href ? (
          <Link key={i} href={p.href} target="_blank" rel="noopener noreferrer" inline>
            {p.text}
          </Link>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}

export function EvidenceStatusList({
  sheet,
  entries,
  selected,
  onSelectCell,
  defaultOpen = false,
}: EvidenceStatusListProps) {
  const s = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  const listId = useId();
  if (entries.length === 0) return null;
  const counts = EVIDENCE_UI.counts(countEvidenceStatus(entries));
  return (
    <div className={s.box} data-testid="evidence-status" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        className={s.toggle}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        data-testid="evidence-toggle"
      >
        <span className={s.chevron} aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span>
          {EVIDENCE_UI.title} <span className={s.counts}>({counts})</span>
        </span>
      </button>
      <ul
        id={listId}
        className={s.list}
        aria-label={`${EVIDENCE_UI.title}: ${counts}`}
        hidden={!open}
      >
        {entries.map((e) => {
          const key = evidenceKey(sheet, e.cell);
          const label = evidenceStatusLabel(e.status, e.form);
          const isSelected = selected === key;
          return (
            <li key={`${e.code}@${e.cell}`} className={s.item}>
              <button
                type="button"
                className={`${s.row} ${isSelected ? s.selected : ''}`}
                onClick={() => onSelectCell(sheet, e.cell, key)}
                title={e.message ?? EVIDENCE_UI.goTo(e.cell)}
                aria-label={`${e.code}: ${label}, ô ${e.cell}`}
                aria-current={isSelected ? 'true' : undefined}
                data-testid="evidence-row"
                data-code={e.code}
                data-status={e.status}
                data-cell={e.cell}
              >
                <span className={s.code}>{e.code}</span>
                <Badge className={s.badge} appearance="tint" color={BADGE[e.status]} size="small">
                  {label}
                </Badge>
                <span className={s.cell}>{e.cell}</span>
              </button>
              {e.reference !== undefined && (
                <Reference text={e.reference} className={s.reference} />
              )}
              {e.hyperlink !== undefined && !(e.reference ?? '').includes(e.hyperlink) && (
                <div className={s.reference}>
                  <Link href={e.hyperlink} target="_blank" rel="noopener noreferrer" inline>
                    {e.hyperlink}
                  </Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
