/**
 * Every `context.sync` of the gateway goes through here, so that each user action can report how
 * many round trips it took, split into reads (before anything is written) and writes.
 */
export class RoundTrips {
  reads = 0;
  writes = 0;

  constructor(private readonly context: Excel.RequestContext) {}

  async read(): Promise<void> {
    this.reads++;
    await this.context.sync();
  }

  async write(): Promise<void> {
    this.writes++;
    await this.context.sync();
  }
}
