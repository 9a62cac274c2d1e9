// The dashboard's define module; it defines the elements the dashboard renders. ECharts arrives later
// as the lazily imported chart chunk.
import '../../src/elements/sspr-dashboard/define.js';
