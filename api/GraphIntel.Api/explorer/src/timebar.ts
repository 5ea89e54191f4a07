// The time bar: a year slider over the years the data spans (it sets `asOf` for every view), "All time", Play/Pause
// stepping a year a second, "Known facts only", and the shown entity's events as ticks along the slider.
import { gql } from './api';
import { el, replace } from './dom';
import { dateText, yearOf } from './format';
import type { Certainty, ViewState } from './state';

/** An event on the time bar. */
export interface TimeTick {
  /** Its date (or earliest date), year/month/day precision. */
  date: string;
  label: string;
}

export interface TimebarActions {
  /** Sets (or clears) asOf: a new history entry, or the current one replaced while a gesture or play goes on. */
  setAsOf(asOf: string | undefined, history: 'push' | 'replace'): void;
  setCertainty(certainty: Certainty): void;
}

const FIRST_YEAR_FALLBACK = 1979;
const STEP_MS = 1000;
const GESTURE_MS = 800;

const YEARS = `query Years { statistics { firstDate lastDate } }`;

export class Timebar {
  private readonly slider: HTMLInputElement;
  private readonly value: HTMLOutputElement;
  private readonly allTime: HTMLButtonElement;
  private readonly play: HTMLButtonElement;
  private readonly knownOnly: HTMLInputElement;
  private readonly ticks: HTMLElement;
  private first = FIRST_YEAR_FALLBACK;
  private last = new Date().getFullYear();
  private state: ViewState | undefined;
  private timer: number | undefined;
  /** When the slider last made a history entry: steps in quick succession (a drag, held arrow keys) share one. */
  private lastEntry = 0;
  private tickData: TimeTick[] = [];

  constructor(
    root: HTMLElement,
    private readonly actions: TimebarActions,
  ) {
    this.slider = el('input', { type: 'range', id: 'year', 'aria-label': 'Year', min: this.first, max: this.last, step: 1 });
    this.value = el('output', { class: 'year-value', for: 'year', 'aria-hidden': 'true' });
    this.allTime = el('button', { type: 'button', class: 'all-time' }, 'All time');
    this.play = el('button', { type: 'button', class: 'play', 'aria-pressed': 'false' }, 'Play');
    this.knownOnly = el('input', { type: 'checkbox', id: 'known-only' });
    this.ticks = el('div', { class: 'ticks', role: 'group', 'aria-label': 'Events on the timeline' });

    this.slider.addEventListener('input', () => {
      this.stop();
      const now = performance.now();
      const history = now - this.lastEntry < GESTURE_MS ? 'replace' : 'push';
      this.lastEntry = now;
      this.actions.setAsOf(this.slider.value, history);
    });
    this.allTime.addEventListener('click', () => {
      this.stop();
      this.actions.setAsOf(undefined, 'push');
    });
    this.play.addEventListener('click', () => (this.timer === undefined ? this.start() : this.stop()));
    this.knownOnly.addEventListener('change', () => this.actions.setCertainty(this.knownOnly.checked ? 'KNOWN' : 'POSSIBLE'));

    replace(
      root,
      el(
        'div',
        { class: 'time-controls' },
        el('span', { class: 'time-label', 'aria-hidden': 'true' }, 'As of'),
        this.value,
        el('div', { class: 'slider' }, this.slider, this.ticks),
        this.allTime,
        this.play,
        el('span', { class: 'check' }, this.knownOnly, el('label', { for: 'known-only' }, 'Known facts only')),
      ),
    );
  }

  /** Reads the years the data spans; on an API without them (or a failure) keeps 1979..this year. */
  async loadYears(): Promise<void> {
    try {
      const data = await gql<{ statistics: { firstDate: string | null; lastDate: string | null } }>({ query: YEARS, variables: {} });
      const first = yearOf(data.statistics.firstDate);
      const last = yearOf(data.statistics.lastDate);
      if (first !== undefined && last !== undefined && first <= last) {
        this.first = first;
        this.last = last;
      }
    } catch {
      // Older APIs lack statistics.firstDate/lastDate: the fallback range serves.
    }
    this.slider.min = String(this.first);
    this.slider.max = String(this.last);
    this.paintTicks();
    if (this.state) this.render(this.state);
  }

  render(state: ViewState): void {
    this.state = state;
    const year = yearOf(state.asOf);
    if (year === undefined) {
      this.slider.value = String(this.last);
      this.slider.setAttribute('aria-valuetext', 'All time');
      this.value.textContent = 'All time';
    } else {
      // A year outside the slider's range stretches it, so a shared URL's year always shows.
      if (year < this.first) this.slider.min = String(year);
      if (year > this.last) this.slider.max = String(year);
      this.slider.value = String(year);
      const label = state.asOf === String(year) ? String(year) : dateText(state.asOf!);
      this.slider.setAttribute('aria-valuetext', label);
      this.value.textContent = label;
    }
    this.knownOnly.checked = state.certainty === 'KNOWN';
    this.root().classList.toggle('all-time-view', year === undefined);
  }

  /** Shows the entity's dated events as ticks along the slider (clicking one goes to its year). */
  setTicks(ticks: TimeTick[]): void {
    this.tickData = ticks;
    this.paintTicks();
  }

  private root(): HTMLElement {
    return this.slider.closest('.time-controls') as HTMLElement;
  }

  private paintTicks(): void {
    const min = Number(this.slider.min);
    const max = Number(this.slider.max);
    const span = Math.max(1, max - min);
    const byYear = new Map<number, TimeTick[]>();
    for (const tick of this.tickData) {
      const year = yearOf(tick.date);
      if (year === undefined || year < min || year > max) continue;
      byYear.set(year, [...(byYear.get(year) ?? []), tick]);
    }
    this.ticks.replaceChildren(
      ...[...byYear.entries()].map(([year, ticks]) => {
        const title = ticks.map((t) => `${dateText(t.date)}: ${t.label}`).join('\n');
        const tick = el('button', { type: 'button', class: 'tick', title, 'aria-label': `Go to ${year}: ${title.replace(/\n/g, '; ')}`, tabindex: -1 });
        if (ticks.length > 1) tick.classList.add('many');
        // Positioned along the slider's track (script-set styles are allowed by the CSP; style attributes are not).
        tick.style.left = `${((year - min) / span) * 100}%`;
        tick.addEventListener('click', () => {
          this.stop();
          this.actions.setAsOf(String(year), 'push');
        });
        return tick;
      }),
    );
    this.ticks.hidden = byYear.size === 0;
  }

  private start(): void {
    const current = yearOf(this.state?.asOf);
    let year = current === undefined || current >= Number(this.slider.max) ? Number(this.slider.min) : current;
    this.play.setAttribute('aria-pressed', 'true');
    this.play.textContent = 'Pause';
    this.actions.setAsOf(String(year), 'push');
    this.timer = window.setInterval(() => {
      year++;
      if (year > Number(this.slider.max)) {
        this.stop();
        return;
      }
      this.actions.setAsOf(String(year), 'replace');
    }, STEP_MS);
  }

  private stop(): void {
    if (this.timer === undefined) return;
    window.clearInterval(this.timer);
    this.timer = undefined;
    this.play.setAttribute('aria-pressed', 'false');
    this.play.textContent = 'Play';
  }
}
