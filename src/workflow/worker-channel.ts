// One worker thread that answers requests by id: created on first use, unref'd while idle (it never
// keeps the process alive), replaced when it dies; a request waits at most `timeoutMs`, after which
// the worker is terminated (its other requests fail through 'exit') and the next request gets a new one.
import { Worker, type WorkerOptions } from 'node:worker_threads';

interface Reply<T> { id: number; result?: T; error?: string }

export class WorkerChannel<Req extends object, Res> {
  private worker: Worker | null = null;
  private nextId = 0;
  /** Requests awaiting a reply, with the worker that holds them (a replaced worker fails only its own). */
  private readonly pending = new Map<number, { worker: Worker; done: (reply: Reply<Res>) => void }>();

  constructor(
    private readonly name: string,
    private readonly create: () => { source: string; options?: WorkerOptions },
    private readonly timeoutMs: number,
  ) {}

  /** Posts `{ id, ...request }`; the worker answers `{ id, result }` or `{ id, error }`. */
  request(request: Req): Promise<Res> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const w = this.current();
      const timer = setTimeout(() => {
        this.settle({ id, error: `${this.name} took longer than ${this.timeoutMs} ms` });
        if (this.worker === w) this.worker = null; // the next request gets a new worker at once
        void w.terminate();
      }, this.timeoutMs);
      timer.unref();
      this.pending.set(id, {
        worker: w,
        done: (reply) => {
          clearTimeout(timer);
          if (reply.error === undefined) resolve(reply.result as Res);
          else reject(new Error(reply.error));
        },
      });
      w.ref(); // busy: keep the process alive until the reply
      w.postMessage({ ...request, id });
    });
  }

  private settle(reply: Reply<Res>): void {
    this.pending.get(reply.id)?.done(reply);
    this.pending.delete(reply.id);
  }

  private current(): Worker {
    if (this.worker) return this.worker;
    const { source, options } = this.create();
    const w = new Worker(source, { ...options, eval: true });
    w.on('message', (reply: Reply<Res>) => {
      this.settle(reply);
      if (![...this.pending.values()].some((p) => p.worker === w)) w.unref();
    });
    const fail = (err: unknown): void => {
      if (this.worker === w) this.worker = null;
      for (const [id, p] of [...this.pending]) {
        if (p.worker === w) this.settle({ id, error: `${this.name} stopped: ${err instanceof Error ? err.message : String(err)}` });
      }
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }
}
