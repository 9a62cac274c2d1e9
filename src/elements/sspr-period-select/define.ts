import { claimTag } from '../shared/define.js';
import { SsprPeriodSelect } from './sspr-period-select.js';

if (claimTag('sspr-period-select', SsprPeriodSelect)) customElements.define('sspr-period-select', SsprPeriodSelect);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-period-select': SsprPeriodSelect;
  }
}

export { SsprPeriodSelect };
