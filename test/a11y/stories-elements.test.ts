// Split by element so the files run side by side, each well within the runner's time limit.
import * as tiles from '../../stories/sspr-tiles.stories.js';
import * as periodSelect from '../../stories/sspr-period-select.stories.js';
import * as auditTable from '../../stories/sspr-audit-table.stories.js';
import { checkStories } from './stories.js';

checkStories('tiles, period, table', [tiles, periodSelect, auditTable]);
