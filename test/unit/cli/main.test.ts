/** In-process tests of the dispatcher and the validate command's terminal behaviour. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/command';
import { COMMANDS } from '../../../src/cli/commands';
import { pl01Workbook, randomBytesFile, writeXlsx } from '../../support/fixtures/xlsx-builders';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cds-main-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fakeIO(tty: boolean): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stderrIsTTY: tty,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

describe('cds-check dispatcher', () => {
  it('registers every command module with a name, a Vietnamese summary and run()', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const cmd = await load();
      expect(cmd.name).toBe(name);
      expect(cmd.summary).toMatch(/[\u00c0-\u1ef9]/); // Vietnamese letters
      expect(typeof cmd.run).toBe('function');
    }
  });

  it('prints the version', async () => {
    const io = fakeIO(false);
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('does not treat Object.prototype names as commands', async () => {
    const io = fakeIO(false);
    expect(await main(['toString'], io)).toBe(2);
    expect(io.err).toContain('Không có lệnh "toString"');
  });
});

describe('validate: progress on a terminal', () => {
  it('shows [i/n] progress on stderr only when several files and stderr is a TTY', async () => {
    const a = await writeXlsx(pl01Workbook(), path.join(tmp, 'xa-a.xlsx'));
    const b = path.join(tmp, 'xa-b.xlsx');
    fs.writeFileSync(b, randomBytesFile());
    const tty = fakeIO(true);
    expect(await main(['validate', a, b], tty)).toBe(2);
    expect(tty.err).toContain('[1/2] xa-a.xlsx');
    expect(tty.err).toContain('[2/2] xa-b.xlsx');
    expect(tty.err).toMatch(/không phải là bảng tính Excel/);

    const pipe = fakeIO(false);
    await main(['validate', a, b], pipe);
    expect(pipe.err).not.toContain('[1/2]');
    expect(pipe.out).toBe(tty.out);

    const single = fakeIO(true);
    await main(['validate', a], single);
    expect(single.err).toBe('');
  });
});
