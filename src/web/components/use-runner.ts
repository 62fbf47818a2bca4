/** A spinner label and the messages of the last action (or its error, never hidden). */
import { useCallback, useState } from 'react';

export interface Notice {
  intent: 'info' | 'warning' | 'error' | 'success';
  text: string;
}

export interface Runner {
  busy: string | null;
  notices: Notice[];
  run: (label: string, action: () => Promise<Notice[] | string[]>) => Promise<void>;
  setNotices: (n: Notice[]) => void;
}

export function useRunner(): Runner {
  const [busy, setBusy] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const run = useCallback<Runner['run']>(async (label, action) => {
    setBusy(label);
    setNotices([]);
    // let the spinner paint before long synchronous work (reading, ExcelJS) starts
    await new Promise((r) => setTimeout(r, 0));
    try {
      const out = await action();
      setNotices(out.map((n) => (typeof n === 'string' ? { intent: 'info', text: n } : n)));
    } catch (e) {
      setNotices([{ intent: 'error', text: e instanceof Error ? e.message : String(e) }]);
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, notices, run, setNotices };
}
