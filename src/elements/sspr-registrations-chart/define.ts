import { claimTag } from '../shared/define.js';
import { SsprRegistrationsChart } from './sspr-registrations-chart.js';

if (claimTag('sspr-registrations-chart', SsprRegistrationsChart)) customElements.define('sspr-registrations-chart', SsprRegistrationsChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-registrations-chart': SsprRegistrationsChart;
  }
}

export { SsprRegistrationsChart };
