import { claimTag } from '../shared/define.js';
import { SsprInsights } from './sspr-insights.js';

if (claimTag('sspr-insights', SsprInsights)) customElements.define('sspr-insights', SsprInsights);

declare global {
  interface HTMLElementTagNameMap {
    'sspr-insights': SsprInsights;
  }
}

export { SsprInsights };
