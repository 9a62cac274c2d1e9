import { html, nothing } from 'lit';
import { formatCount, formatDateTime, formatDay, formatDuration, plural } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import type { Insights } from '../../insights/answers.js';
import type { RuleThresholds } from '../../insights/data.js';
import type { Finding, FindingUser, RuleId } from '../../insights/rules.js';
import type { DrilldownDetail } from '../shared/events.js';
import { drillButton, type Drill } from './insight-section.js';
import { BLOCKED_ACTIVITY, type SourceName } from './insights-sources.js';

/** How many users a finding lists before "and N more". */
const LISTED = 10;

/** The rules in the order they are shown, and the sources each needs. */
export const RULES: { id: RuleId; needs: SourceName[] }[] = [
  { id: 'blocked', needs: ['blocked'] },
  { id: 'failureBurst', needs: ['events'] },
  { id: 'registerThenReset', needs: ['events'] },
  { id: 'adminSelfReset', needs: ['events', 'admins'] },
  { id: 'spikeDay', needs: ['events'] },
];

function title(rule: RuleId, t: RuleThresholds, f: Finding): string {
  switch (rule) {
    case 'blocked': return msg('Users blocked from self-service password reset');
    case 'failureBurst': return msg(str`${formatCount(t.burstCount)} or more failed resets by one user within ${formatDuration(t.burstWindowMs)}`);
    case 'registerThenReset': return msg(str`A method registered, then the password reset within ${formatDuration(t.takeoverWindowMs)}`);
    case 'adminSelfReset': return msg('Self-service resets of admin accounts');
    default:
      return f.day
        ? msg(str`${formatDay(f.day.day)}: ${formatCount(f.day.resets)} resets, more than ${formatCount(t.spikeFactor)} × the usual ${formatCount(f.day.median)} a day`)
        : msg(str`A day with more than ${formatCount(t.spikeFactor)} × the usual number of resets`);
  }
}

/** Why the rule matters, in a sentence. */
function why(rule: RuleId): string {
  switch (rule) {
    case 'blocked': return msg('Graph blocks a user for 24 hours after too many attempts: someone may be guessing.');
    case 'failureBurst': return msg('Many failures in a short time look like someone trying codes or answers they do not know.');
    case 'registerThenReset': return msg('A known account-takeover pattern: an attacker adds their own method, then resets the password with it.');
    case 'adminSelfReset': return msg('Admin accounts are the most valuable to take over; check that each reset was the admin.');
    default: return msg('An unusual number of resets on one day can be a campaign against many accounts.');
  }
}

function userDrill(rule: RuleId, u: FindingUser): DrilldownDetail {
  if (rule === 'blocked') return { report: 'audit', filter: { activity: BLOCKED_ACTIVITY }, search: u.upn };
  if (rule === 'failureBurst') return { report: 'events', filter: { feature: 'reset', status: 'failure' }, search: u.upn };
  if (rule === 'adminSelfReset') return { report: 'events', filter: { feature: 'reset', status: 'success' }, search: u.upn };
  return { report: 'events', filter: {}, search: u.upn };
}

function userLine(rule: RuleId, u: FindingUser): string {
  const when = formatDateTime(u.time);
  switch (rule) {
    case 'failureBurst': return msg(str`${formatCount(u.count)} failures from ${when}`);
    case 'registerThenReset': return msg(str`reset ${when}`);
    case 'adminSelfReset': return plural(u.count, { one: () => msg(str`1 reset, ${when}`), other: () => msg(str`${formatCount(u.count)} resets, last ${when}`) });
    case 'blocked': return msg(str`blocked ${when}`);
    default: return plural(u.count, { one: () => msg('1 reset'), other: () => msg(str`${formatCount(u.count)} resets`) });
  }
}

export function renderFinding(rule: RuleId, i: Insights, t: RuleThresholds, drill: Drill) {
  const f = i.findings[rule]!;
  const found = f.users.length > 0;
  const more = f.users.length - LISTED;
  return html`<li part="finding" class=${found ? 'finding found' : 'finding'} data-rule=${rule}>
    <p class="finding-title"><span class="marker" aria-hidden="true">${found ? '!' : '✓'}</span>${title(rule, t, f)}</p>
    <p class="finding-why">${why(rule)}</p>
    ${found
      ? html`<ul class="finding-users">
          ${f.users.slice(0, LISTED).map(
            (u) => html`<li>${drillButton(html`<span class="rank-label">${u.name || u.upn}</span><span class="rank-count">${userLine(rule, u)}</span>`, userDrill(rule, u), drill)}</li>`,
          )}
        </ul>
        ${more > 0 ? html`<p class="finding-more">${msg(str`and ${formatCount(more)} more`)}</p>` : nothing}`
      : html`<p class="finding-none">${msg('None found.')}</p>`}
  </li>`;
}

/** The headline of question 8: how many rules found something. */
export function findingsSummary(i: Insights): string {
  const found = RULES.filter((r) => i.findings[r.id]?.users.length).length;
  if (!found) return msg('No suspicious activity found by the rules below.');
  return plural(found, { one: () => msg('1 rule found something to check.'), other: () => msg(str`${formatCount(found)} rules found something to check.`) });
}
