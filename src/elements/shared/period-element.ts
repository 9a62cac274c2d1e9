import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ALL_PERIODS, type Period } from '../../reports/types.js';
import { periodContext } from './context.js';
import { SsprReportElement } from './report-element.js';

/** An element's own period, else a dashboard's, else `d7`; an unknown value is `d7` rather than a failed request. */
export function periodInEffect(own: Period | undefined, context: Period | undefined): Period {
  const period = own ?? context;
  return period && ALL_PERIODS.includes(period) ? period : 'd7';
}

/** A report element that also reads a period: its own `period` attribute, else a dashboard's, else `d7`. */
export abstract class SsprPeriodElement extends SsprReportElement {
  /** `d1`, `d7` or `d30` (`d90`, `d180`, `d365` from a reporting endpoint with history); when unset, the surrounding dashboard's period (or `d7`). */
  @property({ reflect: true }) period?: Period;

  /** The period a surrounding dashboard provides. */
  @consume({ context: periodContext, subscribe: true })
  @state()
  protected contextPeriod?: Period;

  /** The period in effect. */
  protected get effectivePeriod(): Period {
    return periodInEffect(this.period, this.contextPeriod);
  }
}
