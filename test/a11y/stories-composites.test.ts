// Split by element so the files run side by side, each well within the runner's time limit.
import * as dashboard from '../../stories/sspr-dashboard.stories.js';
import * as insights from '../../stories/sspr-insights.stories.js';
import { checkStories } from './stories.js';

checkStories('dashboard, insights', [dashboard, insights]);
