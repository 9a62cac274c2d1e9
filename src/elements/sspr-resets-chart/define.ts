import { claimTag } from '../shared/define.js';
import { SsprResetsChart } from './sspr-resets-chart.js';

if (claimTag('sspr-resets-chart', SsprResetsChart)) customElements.define('sspr-resets-chart', SsprResetsChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-resets-chart': SsprResetsChart;
  }
}

export { SsprResetsChart };
