// A file kept in step with in-memory state, written off the event loop: one write at a time, each
// writing the state as it is when the write begins, so changes made during a write are taken by the
// next one and a burst of changes costs a few writes, not one each.
import { rename, writeFile } from 'node:fs/promises';

/** Writes data to file whole: a crash leaves the old content or the new, never a torn file. */
export async function replaceFile(file: string, data: string): Promise<void> {
  await writeFile(`${file}.tmp`, data);
  await rename(`${file}.tmp`, file);
}
export class WriteBehind {
  private writing?: Promise<void>;
  private dirty = false;

  /** write: puts the current state on file (it reads the state itself, when called). */
  constructor(private readonly write: () => Promise<void>) {}

  /** The state changed: write it soon. */
  changed(): void {
    this.dirty = true;
    if (this.writing) return;
    this.writing = this.loop();
    this.writing.catch(() => undefined); // seen by whoever awaits saved(); the next change retries
  }

  /** Resolves once the state as it is now is on file (rejects if that write failed). */
  saved(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        await this.write();
      }
    } catch (e) {
      this.dirty = true;
      throw e;
    } finally {
      this.writing = undefined; // no await since the loop's last check: nothing can slip between
    }
  }
}
