/** Where a command writes: injected so tests can capture output instead of reading the terminal. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** the time the command runs at; commands never read the clock themselves */
  now: Date;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  summary: string;
  help: string;
  /** returns the process exit code */
  run(argv: string[], io: Io): Promise<number>;
}
