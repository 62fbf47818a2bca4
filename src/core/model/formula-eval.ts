/**
 * The value of a simple formula whose cached result is missing from the file (some tools save
 * formulas without values; ExcelJS also loses a cached 0): arithmetic (+ - * / %, brackets)
 * over numbers and cells of the same sheet, SUM and ROUND. Anything else — another sheet, a
 * text cell, a function not listed, a division by zero — gives null: the value stays unknown.
 */
import { fromA1 } from './grid';

/** A cell's number for arithmetic: a number, 0 for a blank cell, null when it cannot be used. */
export type NumberLookup = (row: number, col: number) => number | null;

type Tok =
  | { t: 'num'; v: number }
  | { t: 'ref'; row: number; col: number }
  | { t: 'range'; top: number; left: number; bottom: number; right: number }
  | { t: 'fn'; name: string }
  | { t: 'op'; v: string };

const REF = /^\$?[A-Za-z]{1,3}\$?\d{1,7}/;
const MAX_RANGE_CELLS = 10000;

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  let s = src.trim().replace(/^=/, '');
  while (s.length) {
    const ws = /^\s+/.exec(s);
    if (ws) {
      s = s.slice(ws[0].length);
      continue;
    }
    const num = /^\d+(\.\d+)?(e[+-]?\d+)?/i.exec(s);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      s = s.slice(num[0].length);
      continue;
    }
    const range = new RegExp(`^(${REF.source.slice(1)}):(${REF.source.slice(1)})`).exec(s);
    if (range) {
      const a = fromA1(range[1]);
      const b = fromA1(range[2]);
      out.push({
        t: 'range',
        top: Math.min(a.row, b.row),
        left: Math.min(a.col, b.col),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.col, b.col),
      });
      s = s.slice(range[0].length);
      continue;
    }
    const fn = /^([A-Za-z]+)\s*\(/.exec(s);
    if (fn) {
      out.push({ t: 'fn', name: fn[1].toUpperCase() });
      s = s.slice(fn[1].length);
      continue;
    }
    const ref = REF.exec(s);
    if (ref) {
      const { row, col } = fromA1(ref[0]);
      out.push({ t: 'ref', row, col });
      s = s.slice(ref[0].length);
      continue;
    }
    if ('+-*/()%,;'.includes(s[0])) {
      out.push({ t: 'op', v: s[0] === ';' ? ',' : s[0] });
      s = s.slice(1);
      continue;
    }
    return null; // another sheet ('PL01'!E5), a text, a comparison…
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly lookup: NumberLookup,
  ) {}

  parse(): number | null {
    const v = this.expr();
    return v !== null && this.i === this.toks.length && Number.isFinite(v) ? v : null;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.toks[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private expr(): number | null {
    let v = this.term();
    for (let op = this.peekOp('+', '-'); v !== null && op; op = this.peekOp('+', '-')) {
      this.i++;
      const r = this.term();
      if (r === null) return null;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }

  private term(): number | null {
    let v = this.factor();
    for (let op = this.peekOp('*', '/'); v !== null && op; op = this.peekOp('*', '/')) {
      this.i++;
      const r = this.factor();
      if (r === null || (op === '/' && r === 0)) return null;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }

  private factor(): number | null {
    const sign = this.peekOp('+', '-');
    if (sign) {
      this.i++;
      const v = this.factor();
      return v === null ? null : sign === '-' ? -v : v;
    }
    let v = this.primary();
    while (v !== null && this.peekOp('%')) {
      this.i++;
      v = v / 100;
    }
    return v;
  }

  private primary(): number | null {
    const t = this.toks[this.i++];
    if (!t) return null;
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') return this.lookup(t.row, t.col);
    if (t.t === 'op' && t.v === '(') {
      const v = this.expr();
      return this.close() ? v : null;
    }
    if (t.t === 'fn') return this.call(t.name);
    return null;
  }

  private close(): boolean {
    if (!this.peekOp(')')) return false;
    this.i++;
    return true;
  }

  /** Arguments of a call (a range counts as its cells' numbers). */
  private args(): number[][] | null {
    if (!this.peekOp('(')) return null;
    this.i++;
    const out: number[][] = [];
    if (this.close()) return out;
    for (;;) {
      const t = this.toks[this.i];
      if (t && t.t === 'range') {
        this.i++;
        const cells = (t.bottom - t.top + 1) * (t.right - t.left + 1);
        if (cells > MAX_RANGE_CELLS) return null;
        const vals: number[] = [];
        for (let r = t.top; r <= t.bottom; r++)
          for (let c = t.left; c <= t.right; c++) {
            const v = this.lookup(r, c);
            if (v === null) return null;
            vals.push(v);
          }
        out.push(vals);
      } else {
        const v = this.expr();
        if (v === null) return null;
        out.push([v]);
      }
      if (this.close()) return out;
      if (!this.peekOp(',')) return null;
      this.i++;
    }
  }

  private call(name: string): number | null {
    const args = this.args();
    if (!args) return null;
    switch (name) {
      case 'SUM':
        return args.flat().reduce((a, b) => a + b, 0);
      case 'ROUND': {
        if (args.length !== 2 || args[0].length !== 1 || args[1].length !== 1) return null;
        const f = 10 ** Math.trunc(args[1][0]);
        // Excel rounds halves away from zero (ROUND(-2.5,0) = -3), unlike Math.round.
        const x = args[0][0];
        return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
      }
      default:
        return null;
    }
  }
}

/** The number a simple same-sheet formula computes, or null. Never throws. */
export function evaluateArithmetic(formula: string, lookup: NumberLookup): number | null {
  try {
    const toks = tokenize(formula);
    return toks && toks.length ? new Parser(toks, lookup).parse() : null;
  } catch {
    return null;
  }
}
