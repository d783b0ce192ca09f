// The warehouse's single writer inside `kpi serve`: every write (an upload, an audit row, a
// rebuild) runs one at a time, in arrival order, each in its own transaction; after uploads the
// marts and the dashboard's data are rebuilt once things are quiet (debounced).
export class Writer {
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly rebuild: () => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** runs `job` after every job before it; its result (or error) is the caller's alone */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** a rebuild `delayMs` after the last call (an upload's figures show within seconds) */
  schedule(): void {
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** the rebuild now, if one is due; resolves when every job queued before it is done */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.dirty) return void (await this.run(async () => undefined));
    this.dirty = false;
    await this.run(this.rebuild).catch((error) => {
      // still due: the next upload (or the shutdown) tries again
      this.dirty = true;
      this.onError(error);
    });
  }
}
