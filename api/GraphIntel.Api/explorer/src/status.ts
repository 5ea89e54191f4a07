// The status line (#status, role=status): what is loading, and what failed with the API's own words. Each kind of
// work ("entity", "graph", …) has one slot: a newer run replaces the older one's message, success clears it.

type Slot = { state: 'loading'; text: string } | { state: 'error'; text: string };

export class StatusRegion {
  private readonly slots = new Map<string, Slot>();
  private readonly runs = new Map<string, number>();
  private readonly loading: HTMLElement;
  private readonly errors: HTMLElement;

  constructor(root: HTMLElement) {
    this.loading = document.createElement('span');
    this.loading.className = 'status-loading';
    this.errors = document.createElement('ul');
    this.errors.className = 'status-errors';
    root.replaceChildren(this.loading, this.errors);
    this.paint();
  }

  /**
   * Shows "Loading <what>…" while the work runs and its error if it fails (an aborted run says nothing). Resolves to
   * the result, or undefined when the run failed or a newer run of the same slot superseded it.
   */
  async track<T>(slot: string, what: string, work: Promise<T>): Promise<T | undefined> {
    const run = (this.runs.get(slot) ?? 0) + 1;
    this.runs.set(slot, run);
    this.slots.set(slot, { state: 'loading', text: `Loading ${what}…` });
    this.paint();
    try {
      const result = await work;
      if (this.runs.get(slot) === run) this.slots.delete(slot);
      return result;
    } catch (e) {
      if (this.runs.get(slot) === run) {
        if ((e as Error).name === 'AbortError') this.slots.delete(slot);
        else this.slots.set(slot, { state: 'error', text: `Could not load ${what}: ${(e as Error).message}` });
      }
      return undefined;
    } finally {
      this.paint();
    }
  }

  private paint(): void {
    const loading = [...this.slots.values()].filter((s) => s.state === 'loading').map((s) => s.text);
    this.loading.textContent = loading.length ? loading.join(' ') : 'Ready.';
    this.errors.replaceChildren(
      ...[...this.slots.values()]
        .filter((s) => s.state === 'error')
        .map((s) => {
          const li = document.createElement('li');
          li.textContent = s.text;
          return li;
        }),
    );
    this.errors.hidden = this.errors.childElementCount === 0;
  }
}
