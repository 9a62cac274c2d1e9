// Split by element so the files run side by side, each well within the runner's time limit.
import * as registrationsChart from '../../stories/sspr-registrations-chart.stories.js';
import * as resetsChart from '../../stories/sspr-resets-chart.stories.js';
import * as methodsChart from '../../stories/sspr-methods-chart.stories.js';
import * as trendChart from '../../stories/sspr-trend-chart.stories.js';
import { checkStories } from './stories.js';

checkStories('charts', [registrationsChart, resetsChart, methodsChart, trendChart]);
