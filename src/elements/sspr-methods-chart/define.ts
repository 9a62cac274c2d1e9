import { claimTag } from '../shared/define.js';
import { SsprMethodsChart } from './sspr-methods-chart.js';

if (claimTag('sspr-methods-chart', SsprMethodsChart)) customElements.define('sspr-methods-chart', SsprMethodsChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-methods-chart': SsprMethodsChart;
  }
}

export { SsprMethodsChart };
