/**
 * Work that arrives together goes to the database together. `submit` starts a batch at once when
 * none is running; what is submitted while one runs waits for it and then goes in the next batch,
 * up to `maxSize` items. So a lone request waits for nothing, and under load each statement
 * carries the requests that arrived while the last one ran: one round trip, one plan and one
 * commit for all of them instead of one each.
 *
 * The next batch starts one turn of the event loop after the last one ends (`setImmediate`), not in
 * the same moment. Requests whose bytes came in while the database worked are read in that turn and
 * join it. Started at once, it took only the few requests already read, and the many read just
 * after waited a whole statement for the next: under a steady load the batches alternated between a
 * handful and many, and each small one cost a whole statement's fixed work for a few logs.
 *
 * A batch that fails is run again one item at a time, so an item that cannot be done fails only
 * its own request; the others are done as if they had come alone. `run` must therefore do all
 * of a batch or none of it (one statement, one transaction), and answer one result per item, in
 * order.
 */
export class Batches<I, O> {
  private waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  /** Statements run so far (a batch retried item by item counts each). */
  statements = 0;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxSize = 64,
    private readonly concurrency = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.running < this.concurrency) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running++;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxSize);
        await this.runBatch(batch);
        if (this.waiting.length > 0) await new Promise((next) => setImmediate(next));
      }
    } finally {
      this.running--;
    }
  }

  private async runBatch(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.runOnce(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const b of batch) {
      try {
        b.resolve((await this.runOnce([b.item]))[0]!);
      } catch (error) {
        b.reject(error);
      }
    }
  }

  private async runOnce(items: readonly I[]): Promise<readonly O[]> {
    this.statements++;
    const results = await this.run(items);
    if (results.length !== items.length) throw new Error(`a batch of ${items.length} answered ${results.length} results`);
    return results;
  }
}
