import { defineElement } from '../shared/define.js';
import { SsprPeriodSelect } from './sspr-period-select.js';

defineElement('sspr-period-select', SsprPeriodSelect);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-period-select': SsprPeriodSelect;
  }
}

export { SsprPeriodSelect };
