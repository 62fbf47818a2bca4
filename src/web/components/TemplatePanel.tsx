/** Blank templates: PHỤ LỤC 01/02/03 (03 of either chain) and the evidence forms. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Catalog } from '../../core';
import { templateChoices, templateDownload, type Download } from '../downloads';
import { WEB_UI } from '../labels';
import { Notices } from './Notices';
import { useRunner } from './use-runner';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

export function TemplatePanel({
  catalog,
  onDownload,
}: {
  catalog: Catalog;
  onDownload: (d: Download) => void;
}) {
  const s = useStyles();
  const runner = useRunner();
  const kinds = useMemo(() => templateChoices(), []);
  const [kind, setKind] = useState(kinds[0]?.kind ?? 'phu-luc-01');
  const [chain, setChain] = useState(catalog.defaultChain);
  const appendix = kind.startsWith('phu-luc');
  return (
    <section className={s.box} aria-labelledby="templates-title">
      <h2 className={s.title} id="templates-title">
        {WEB_UI.templates}
      </h2>
      <div className={s.row}>
        <Field label={WEB_UI.templateKind}>
          <Select value={kind} onChange={(_, d) => setKind(d.value)} data-testid="template-kind">
            {kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </Select>
        </Field>
        {appendix && catalog.chains.length > 1 && (
          <Field label={WEB_UI.chain}>
            <Select
              value={chain}
              onChange={(_, d) => setChain(d.value)}
              data-testid="template-chain"
            >
              {catalog.chains.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button
          disabled={runner.busy !== null}
          onClick={() =>
            void runner.run(WEB_UI.working(WEB_UI.downloadTemplate, kind), async () => {
              const d = await templateDownload(catalog, kind, appendix ? chain : undefined);
              onDownload(d);
              return d.messages;
            })
          }
        >
          {WEB_UI.downloadTemplate}
        </Button>
      </div>
      <Notices runner={runner} />
    </section>
  );
}
