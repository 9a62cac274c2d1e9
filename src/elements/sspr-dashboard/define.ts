import { claimTag } from '../shared/define.js';
import { SsprDashboard } from './sspr-dashboard.js';
// the elements the dashboard renders
import '../sspr-tiles/define.js';
import '../sspr-period-select/define.js';
import '../sspr-registrations-chart/define.js';
import '../sspr-resets-chart/define.js';
import '../sspr-audit-table/define.js';
import '../sspr-insights/define.js';
import '../sspr-methods-chart/define.js';
import '../sspr-trend-chart/define.js';

if (claimTag('sspr-dashboard', SsprDashboard)) customElements.define('sspr-dashboard', SsprDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-dashboard': SsprDashboard;
  }
}

export { SsprDashboard };
