import { html, nothing } from 'lit';
import { formatChange, formatCount, formatShare, plural } from '../../i18n/format.js';
import { msg, str } from '../../i18n/msg.js';
import type { Insights } from '../../insights/answers.js';
import type { RuleThresholds } from '../../insights/data.js';
import { methodLabel } from '../../reports/methods.js';
import { reasonLabel } from '../../reports/labels.js';
import type { Period } from '../../reports/types.js';
import { periodText } from '../shared/period-text.js';
import { drillButton, type Drill } from './insight-section.js';

/** How many items a ranked answer lists. */
export const TOP = 5;

const people = (n: number) => plural(n, { one: () => msg(str`${formatCount(n)} person`), other: () => msg(str`${formatCount(n)} people`) });

/** 1. How many people have registered for password reset? */
export function registeredAnswer(i: Insights, drill: Drill) {
  const r = i.registered!;
  return html`<p class="answer">${msg(str`${formatCount(r.count)} of ${formatCount(r.total)} users (${formatShare(r.count, r.total)}) have registered for self-service password reset.`)}</p>
    ${drillButton(msg('Show the registered users'), { report: 'users', filter: { isSsprRegistered: true } }, drill)}`;
}

/** 2. Who has registered? */
export function whoAnswer(i: Insights, period: Period, drill: Drill) {
  const r = i.registeredInPeriod!;
  return html`<p class="answer">${msg(str`${people(r.people)} registered a method in the ${periodText(period)}.`)}</p>
    <div class="actions">
      ${drillButton(msg('Show the registered users'), { report: 'users', filter: { isSsprRegistered: true } }, drill)}
      ${drillButton(msg('Show the registrations'), { report: 'events', filter: { feature: 'registration', status: 'success' } }, drill)}
    </div>`;
}

/** 3. What data (methods) are people registering? */
export function methodsAnswer(i: Insights, drill: Drill) {
  const { total } = i.methods!;
  // every user has a password: it is not a method anyone registers
  const methods = i.methods!.methods.filter((m) => m.method !== 'password' && m.users > 0);
  if (!methods.length) return html`<p class="answer">${msg('No user has registered a method.')}</p>`;
  return html`<ol part="ranking" class="ranking">
    ${methods.slice(0, TOP).map(
      (m) => html`<li>${drillButton(
        html`<span class="rank-label">${methodLabel(m.method)}</span><span class="rank-count">${msg(str`${formatCount(m.users)} users (${formatShare(m.users, total)})`)}</span>`,
        { report: 'users', filter: { methodsRegistered: m.method } },
        drill,
      )}</li>`,
    )}
  </ol>`;
}

/** "the previous 7 days": the period just before this one. */
function previousPeriod(period: Period): string {
  return period === 'd1' ? msg('the previous 24 hours') : msg('the previous 7 days');
}

function change(now: number, before: number | undefined, period: Period): string {
  if (before === undefined) return msg('Graph keeps no older events to compare with.');
  if (before === 0) return now ? msg(str`None in ${previousPeriod(period)}.`) : '';
  return msg(str`${formatChange((now - before) / before)} on ${previousPeriod(period)} (${formatCount(before)}).`);
}

/** 4. How many people reset their password in the period? */
export function resetsAnswer(i: Insights, period: Period, drill: Drill) {
  const r = i.resets!;
  const resets = plural(r.resets, { one: () => msg(str`${formatCount(r.resets)} reset`), other: () => msg(str`${formatCount(r.resets)} resets`) });
  return html`<p class="answer">${msg(str`${people(r.people)} reset their password in the ${periodText(period)} (${resets}).`)}
      <span class="change">${change(r.people, r.previousPeople, period)}</span></p>
    ${drillButton(msg('Show the resets'), { report: 'events', filter: { feature: 'reset', status: 'success' } }, drill)}`;
}

/** 5. What are the most common methods used to reset? */
export function resetMethodsAnswer(i: Insights, drill: Drill) {
  const methods = i.resetMethods!;
  const total = methods.reduce((n, m) => n + m.count, 0);
  if (!methods.length) return html`<p class="answer">${msg('No password was reset in this period.')}</p>`;
  return html`<ol part="ranking" class="ranking">
    ${methods.slice(0, TOP).map(
      (m) => html`<li>${drillButton(
        html`<span class="rank-label">${methodLabel(m.method)}</span><span class="rank-count">${msg(str`${formatCount(m.count)} resets (${formatShare(m.count, total)})`)}</span>`,
        { report: 'events', filter: { feature: 'reset', status: 'success', method: m.method } },
        drill,
      )}</li>`,
    )}
  </ol>`;
}

/** 6. What are the common problems users face when trying to use password reset? */
export function problemsAnswer(i: Insights, drill: Drill) {
  const { failures, reasons } = i.problems!;
  if (!failures) return html`<p class="answer">${msg('No registration or reset failed in this period.')}</p>`;
  const top = reasons[0]!;
  const reason = (r: string) => reasonLabel(r) || msg('(no reason given)');
  return html`<p class="answer">${msg(str`Most common problem: ${reason(top.reason)} (${formatCount(top.count)} of ${formatCount(failures)} failures).`)}</p>
    <ol part="ranking" class="ranking">
      ${reasons.slice(0, TOP).map(
        (r) => html`<li>${drillButton(
          html`<span class="rank-label">${reason(r.reason)}</span><span class="rank-count">${formatCount(r.count)} (${formatShare(r.count, failures)})</span>`,
          { report: 'events', filter: { status: 'failure', failureReason: r.reason || '(none)' } },
          drill,
        )}</li>`,
      )}
    </ol>`;
}

/** 7. What admins are resetting their own passwords frequently? */
export function adminsAnswer(i: Insights, t: RuleThresholds, drill: Drill) {
  const admins = i.frequentAdmins!;
  const min = formatCount(t.frequentAdminResets);
  const head = plural(admins.length, {
    one: () => msg(str`${formatCount(admins.length)} admin reset their own password ${min} or more times.`),
    other: () => msg(str`${formatCount(admins.length)} admins reset their own password ${min} or more times.`),
  });
  return html`<p class="answer">${head}</p>
    ${admins.length
      ? html`<ol part="ranking" class="ranking">
          ${admins.map(
            (a) => html`<li>${drillButton(
              html`<span class="rank-label">${a.name || a.upn}</span><span class="rank-count">${msg(str`${formatCount(a.count)} resets`)}</span>`,
              { report: 'events', filter: { feature: 'reset', status: 'success' }, search: a.upn },
              drill,
            )}</li>`,
          )}
        </ol>`
      : nothing}`;
}
