import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TaskStatus, type Task } from '@lit/task';

/**
 * Aborts a task's request when its element leaves the page (a request nobody will see still spends
 * Graph's budget) and runs it again if the element comes back.
 */
export class DetachedTaskController implements ReactiveController {
  #resume = false;

  constructor(host: ReactiveControllerHost, private readonly task: () => Task<readonly unknown[], unknown>) {
    host.addController(this);
  }

  hostDisconnected(): void {
    const task = this.task();
    if (task.status !== TaskStatus.PENDING) return;
    this.#resume = true;
    task.abort();
  }

  hostConnected(): void {
    if (!this.#resume) return;
    this.#resume = false;
    void this.task().run();
  }
}
