/**
 * One line when the connection to Redis goes, one when it is back: BullMQ and ioredis report every
 * failed reconnect (about once a second per queue and worker), which says nothing new after the
 * first. Every connection of a process shares one of these.
 */
export class OutageLog {
  private down = false;

  constructor(private readonly log: (message: string) => void) {}

  /** An error from a queue, worker or connection: logged only as the first of an outage. */
  error(error: unknown): void {
    if (this.down) return;
    this.down = true;
    const reason = error instanceof Error ? error.message : String(error);
    this.log(`mistet forbindelsen til Redis (${reason}); prøver igjen til den er tilbake`);
  }

  /** The connection is ready again. */
  recovered(): void {
    if (!this.down) return;
    this.down = false;
    this.log('forbindelsen til Redis er tilbake');
  }
}
