/** What a `cds-check` sub-command module exports (src/cli/commands/<name>.ts). */

/** Where a command writes; injectable so that tests can run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is a terminal (progress lines are shown only then). */
  stderrIsTTY: boolean;
}

export interface CliCommand {
  /** Sub-command name: `cds-check <name> …` */
  name: string;
  /** One Vietnamese line for `cds-check --help`. */
  summary: string;
  /** Run with the arguments after the command name; resolves to the exit status. */
  run(args: string[], io: CliIO): Promise<number>;
}

export const processIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  get stderrIsTTY() {
    return !!process.stderr.isTTY;
  },
};

/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;
