import { defineElement } from '../shared/define.js';
import { SsprResetsChart } from './sspr-resets-chart.js';

defineElement('sspr-resets-chart', SsprResetsChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-resets-chart': SsprResetsChart;
  }
}

export { SsprResetsChart };
