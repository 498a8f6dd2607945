// A background loop of one app instance: runs `tick` at once and then `intervalMs` after each tick
// ends, on an unref'd timer (it never keeps the process alive); stop() waits for a tick in progress.
export class Poller {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private running = false;

  constructor(
    private readonly tick: () => Promise<unknown>,
    private readonly intervalMs: number,
    /** Where a failed tick is reported, as `[alur] <label>: <message>`. */
    private readonly log: (line: string) => void,
    private readonly label: string,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .catch((err: unknown) => this.log(`[alur] ${this.label}: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => {
          this.current = null;
          if (this.running) this.schedule(this.intervalMs);
        });
    }, ms);
    this.timer.unref();
  }
}
