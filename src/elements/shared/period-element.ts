import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { PERIODS, type Period } from '../../reports/types.js';
import { periodContext } from './context.js';
import { SsprReportElement } from './report-element.js';

/** A report element that also reads a period: its own `period` attribute, else a dashboard's, else `d7`. */
export abstract class SsprPeriodElement extends SsprReportElement {
  /** `d1`, `d7` or `d30`; when unset, the surrounding dashboard's period (or `d7`). */
  @property({ reflect: true }) period?: Period;

  /** The period a surrounding dashboard provides. */
  @consume({ context: periodContext, subscribe: true })
  @state()
  protected contextPeriod?: Period;

  /** The period in effect. An unknown value falls back to `d7` rather than failing the request. */
  protected get effectivePeriod(): Period {
    const period = this.period ?? this.contextPeriod;
    return period && PERIODS.includes(period) ? period : 'd7';
  }
}
