// The warehouse's writes inside `kpi serve`, and its rebuilds beside them. Writes (an upload, an
// audit row, a revocation) run one at a time, in arrival order, each in its own transaction on the
// writer's connection. A rebuild runs on a connection of its own, in a transaction that sees the
// warehouse as it stood when it began (DuckDB keeps each transaction's snapshot): it never holds up a
// write, and the pages keep the last complete build until the next one is whole. One rebuild at a
// time, a little after the last upload (debounced); one asked for while another runs follows it.
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private stopped = false;
  private running: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly rebuild: (signal: AbortSignal) => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** runs `job` after every job before it; its result (or error) is the caller's alone */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** whether a rebuild is running now */
  get rebuilding(): boolean {
    return this.running !== undefined;
  }

  /** a rebuild `delayMs` after the last call (an upload's figures show within seconds) */
  schedule(delayMs = this.delayMs): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.start(), delayMs);
  }

  /** resolves when every write queued before it is done and no rebuild is due or running */
  async flush(): Promise<void> {
    await this.run(async () => undefined);
    await this.start();
  }

  /**
   * Finishes the queued writes, then abandons a rebuild in progress (its transaction is rolled back;
   * everything written stays committed, and the next start builds again).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.run(async () => undefined);
    this.abort.abort(new Error("服务停止，本次重新构建中止 the service is stopping: rebuild abandoned"));
    await this.running;
  }

  private start(): Promise<void> {
    clearTimeout(this.timer);
    this.running ??= this.rebuildWhileDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async rebuildWhileDue(): Promise<void> {
    while (this.dirty && !this.stopped) {
      this.dirty = false;
      try {
        await this.rebuild(this.abort.signal);
      } catch (error) {
        // still due: the next upload (or flush) tries again
        this.dirty = true;
        if (!this.stopped) this.onError(error);
        return;
      }
    }
  }
}
