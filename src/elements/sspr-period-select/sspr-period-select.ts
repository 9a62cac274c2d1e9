import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ALL_PERIODS, PERIODS, type Period } from '../../reports/types.js';
import { emit } from '../shared/events.js';
import { periodLabel } from '../shared/period-text.js';
import { SsprLocalizedElement } from '../shared/localized-element.js';
import { msg } from '../../i18n/msg.js';
import { themeStyles } from '../shared/theme.styles.js';
import { periodSelectStyles } from './sspr-period-select.styles.js';


let nextId = 0;

/**
 * Last 24 hours / 7 days / 30 days (and 90, 180, 365 days where a reporting endpoint keeps that history), as a radio group (arrow keys move between options, as in any
 * native radio group).
 *
 * @tag sspr-period-select
 * @summary The reporting period: `d1`, `d7` or `d30` (`d90`, `d180`, `d365` when offered).
 *
 * @fires {SsprPeriodChangeDetail} sspr-period-change - The user picked another period (never fired when a program sets `period`).
 *
 * @csspart base - The fieldset.
 * @csspart legend - The group's label.
 * @csspart option - One option's label (with `checked` when selected).
 *
 * @cssprop --sspr-period-select-background - Background of the options (default `--sspr-color-surface`).
 * @cssprop --sspr-period-select-checked-background - The selected option (default `--sspr-color-accent`).
 * @cssprop --sspr-period-select-checked-color - Text of the selected option (default `--sspr-color-on-accent`).
 */
export class SsprPeriodSelect extends SsprLocalizedElement {
  static override styles = [themeStyles, periodSelectStyles];

  /** The selected period: `d1`, `d7` or `d30` (or an offered longer one). */
  @property({ reflect: true }) period: Period = 'd7';

  /**
   * The periods to offer, e.g. `d1 d7 d30 d90 d180 d365` (default Graph's three). A dashboard sets it
   * from what its endpoint says it offers; the selected period is always among them.
   */
  @property({ converter: { fromAttribute: (value: string | null) => value?.split(/\s+/).filter(Boolean) } })
  periods?: readonly Period[];

  /** The group's visible label (default "Period" in the element's language). */
  @property() label?: string;

  readonly #name = `sspr-period-${nextId++}`;

  override render() {
    const selected = ALL_PERIODS.includes(this.period) ? this.period : 'd7';
    const wanted = new Set<Period>([...(this.periods ?? PERIODS), selected]);
    const offered = ALL_PERIODS.filter((p) => wanted.has(p));
    return html`<fieldset part="base">
      <legend part="legend">${this.label ?? msg('Period')}</legend>
      <div class="options">
        ${offered.map(
          (p) => html`<label part=${p === selected ? 'option checked' : 'option'} class="option">
            <input type="radio" name=${this.#name} value=${p} .checked=${p === selected} @change=${this.#onChange} />
            <span>${periodLabel(p)}</span>
          </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #onChange(event: Event) {
    const period = (event.target as HTMLInputElement).value as Period;
    if (period === this.period) return;
    this.period = period;
    emit(this, 'sspr-period-change', { period });
  }
}
