import { defineElement } from '../shared/define.js';
import { SsprRegistrationsChart } from './sspr-registrations-chart.js';

defineElement('sspr-registrations-chart', SsprRegistrationsChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-registrations-chart': SsprRegistrationsChart;
  }
}

export { SsprRegistrationsChart };
