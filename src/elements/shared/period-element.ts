import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ALL_PERIODS, isExtendedPeriod, type Period } from '../../reports/types.js';
import { periodContext } from './context.js';
import { SsprReportElement } from './report-element.js';

/**
 * An element's own period, else a dashboard's, else `d7`; an unknown value is `d7` rather than a failed
 * request. A period beyond Graph's 30 days counts only where the endpoint has said it offers it
 * (`offered`): until then, and against plain Graph, it is the 30 days Graph has.
 */
export function periodInEffect(own: Period | undefined, context: Period | undefined, offered?: readonly string[]): Period {
  const period = own ?? context;
  if (!period || !ALL_PERIODS.includes(period)) return 'd7';
  return isExtendedPeriod(period) && !offered?.includes(period) ? 'd30' : period;
}

/** Graph's periods, the longer ones an endpoint says it offers (`offered`), and `current` (always shown). */
export function offeredPeriods(offered: readonly string[] = [], current?: Period): Period[] {
  return ALL_PERIODS.filter((p) => !isExtendedPeriod(p) || offered.includes(p) || p === current);
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
    return periodInEffect(this.period, this.contextPeriod, this.effectiveClient?.facts.periods);
  }
}
