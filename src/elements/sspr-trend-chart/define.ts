import { claimTag } from '../shared/define.js';
import { SsprTrendChart } from './sspr-trend-chart.js';

if (claimTag('sspr-trend-chart', SsprTrendChart)) customElements.define('sspr-trend-chart', SsprTrendChart);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-trend-chart': SsprTrendChart;
  }
}

export { SsprTrendChart };
