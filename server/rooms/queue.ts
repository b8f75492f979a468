/**
 * Runs tasks one at a time, in arrival order. Commands of one room go through it, so each decides on the state
 * the previous one left, even though appending to the store is asynchronous.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task, task);
    // Keep the chain alive whatever the task does; the caller gets the task's own outcome.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once everything queued so far has run. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
