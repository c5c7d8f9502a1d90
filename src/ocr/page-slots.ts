/**
 * A counting semaphore for decoded pages. Every document being OCR'd at once decodes pages ahead of
 * the engine; shared by one engine's documents, this keeps the rasters waiting for it (8 to 35 MB
 * each at 300 DPI) to a few per worker however many documents are in flight.
 */
export class PageSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(size: number) {
    this.free = Math.max(1, Math.floor(size));
  }

  /** Waits for a slot; call the returned function once the page is read (exactly once). */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
