import { expect } from '@open-wc/testing';
import type { GraphDirectoryAudit, GraphUserEventsSummary, GraphUserRegistrationDetails } from '../../src/graph/types.js';
import { ODataQueryError } from '../../src/mock/http-error.js';
import { compileFilter, parseFilter, parseOrderBy, sortRows, tokenize } from '../../src/mock/odata/index.js';
import { DIRECTORY_AUDIT_SCHEMA, USER_EVENTS_SUMMARY_SCHEMA, USER_REGISTRATION_DETAILS_SCHEMA } from '../../src/mock/route-schemas.js';
import { tenant } from './helpers.js';

const users = (f: string) => tenant().users.filter(compileFilter<GraphUserRegistrationDetails>(f, USER_REGISTRATION_DETAILS_SCHEMA));
const events = (f: string) => tenant().events.filter(compileFilter<GraphUserEventsSummary>(f, USER_EVENTS_SUMMARY_SCHEMA));
const audits = (f: string) => tenant().audits.filter(compileFilter<GraphDirectoryAudit>(f, DIRECTORY_AUDIT_SCHEMA));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('mock OData engine', () => {
  it('tokenizes literals: doubled quotes, typed enums, unquoted date-times, numbers', () => {
    const tokens = tokenize("name eq 'O''Brien' and m eq microsoft.graph.usageAuthMethod'email' and d ge 2025-07-01T00:00:00.000Z and n lt -2.5");
    const literals = tokens.filter((t) => t.kind !== 'ident' && t.kind !== 'eof');
    expect(literals.map((t) => ('value' in t ? t.value : ''))).to.deep.equal(["O'Brien", 'email', Date.UTC(2025, 6, 1), -2.5]);
  });

  it('parses precedence: and binds tighter than or, parentheses override', () => {
    expect(parseFilter("a eq 1 or b eq 2 and c eq 3")).to.deep.include({ kind: 'logical', op: 'or' });
    expect(parseFilter("(a eq 1 or b eq 2) and c eq 3")).to.deep.include({ kind: 'logical', op: 'and' });
  });

  it('eq / ne on strings (case-insensitive) and booleans', () => {
    const t = tenant();
    expect(ids(events("feature eq 'reset'"))).to.deep.equal(ids(t.events.filter((e) => e.feature === 'reset')));
    expect(ids(events("authMethod eq 'SMS'"))).to.deep.equal(ids(t.events.filter((e) => e.authMethod === 'sms')));
    expect(ids(events("authMethod ne 'sms'"))).to.deep.equal(ids(t.events.filter((e) => e.authMethod !== 'sms')));
    expect(users('isSsprCapable eq true').length).to.equal(t.users.filter((u) => u.isSsprCapable).length);
    expect(users('isSsprCapable ne true').length).to.equal(t.users.filter((u) => !u.isSsprCapable).length);
    expect(users('isAdmin').length).to.equal(t.users.filter((u) => u.isAdmin).length);
    expect(users('not isAdmin').length).to.equal(t.users.filter((u) => !u.isAdmin).length);
  });

  it('matches a literal with a doubled quote to the O\'Brien user', () => {
    const rows = users("userDisplayName eq 'Siobhán O''Brien'");
    expect(rows.map((u) => u.userPrincipalName)).to.deep.equal(["siobhan.o'brien@contoso.example"]);
    expect(users("startswith(userPrincipalName,'SIOBHAN.O''B')")).to.have.length(1);
    expect(events("userDisplayName eq 'Siobhán O''Brien'").length).to.be.greaterThan(0);
  });

  it('gt / ge / lt / le on date-times compare instants, including 7-digit fractions', () => {
    const t = tenant();
    const pivot = t.events[100]!.eventDateTime;
    const ms = Date.parse(pivot);
    expect(events(`eventDateTime ge ${pivot}`).length).to.equal(t.events.filter((e) => Date.parse(e.eventDateTime) >= ms).length);
    expect(events(`eventDateTime gt ${pivot}`).length).to.equal(t.events.filter((e) => Date.parse(e.eventDateTime) > ms).length);
    expect(events(`eventDateTime lt ${pivot}`).length).to.equal(t.events.filter((e) => Date.parse(e.eventDateTime) < ms).length);
    expect(events(`eventDateTime le '${pivot}'`).length).to.equal(t.events.filter((e) => Date.parse(e.eventDateTime) <= ms).length);
    const auditPivot = new Date(Date.parse(t.audits[50]!.activityDateTime)).toISOString();
    expect(audits(`activityDateTime ge ${auditPivot}`).length).to.equal(
      t.audits.filter((a) => Date.parse(a.activityDateTime) >= Date.parse(auditPivot)).length,
    );
    expect(users('lastUpdatedDateTime le 2025-07-20').length).to.equal(
      t.users.filter((u) => Date.parse(u.lastUpdatedDateTime) <= Date.parse('2025-07-20')).length,
    );
  });

  it('and / or / not with parentheses', () => {
    const t = tenant();
    const expected = t.events.filter((e) => e.feature === 'reset' && (e.authMethod === 'sms' || e.authMethod === 'email') && !e.isSuccess);
    expect(ids(events("feature eq 'reset' and (authMethod eq 'sms' or authMethod eq 'email') and not (isSuccess eq true)"))).to.deep.equal(ids(expected));
    expect(events("feature eq 'reset' and authMethod eq 'sms' or authMethod eq 'email'").length).to.equal(
      t.events.filter((e) => (e.feature === 'reset' && e.authMethod === 'sms') || e.authMethod === 'email').length,
    );
  });

  it('startswith is case-insensitive', () => {
    const t = tenant();
    const expected = t.users.filter((u) => u.userDisplayName.toLowerCase().startsWith('ma'));
    expect(expected.length).to.be.greaterThan(0);
    expect(ids(users("startswith(userDisplayName,'MA')"))).to.deep.equal(ids(expected));
    expect(users("startswith(userDisplayName,'Eve <img')")).to.have.length(1);
  });

  it('any() lambdas over strings and objects, with eq and startswith', () => {
    const t = tenant();
    expect(ids(users("methodsRegistered/any(x: x eq 'fido2SecurityKey')"))).to.deep.equal(
      ids(t.users.filter((u) => u.methodsRegistered.includes('fido2SecurityKey'))),
    );
    expect(users('methodsRegistered/any()').length).to.equal(t.users.filter((u) => u.methodsRegistered.length > 0).length);
    const target = t.audits[0]!.targetResources[0]!.displayName!;
    expect(ids(audits(`targetResources/any(t: t/displayName eq '${target.replaceAll("'", "''")}')`))).to.deep.equal(
      ids(t.audits.filter((a) => a.targetResources.some((r) => r.displayName === target))),
    );
    expect(audits("targetResources/any(x: startswith(x/displayName,'Self-service'))").every((a) => a.targetResources[0]!.type === 'Policy')).to.equal(true);
    expect(audits("targetResources/any(t: t/type eq 'Policy')")).to.have.length(2);
  });

  it('reads property paths such as initiatedBy/user/userPrincipalName', () => {
    const t = tenant();
    const upn = t.audits[3]!.initiatedBy.user!.userPrincipalName!;
    expect(ids(audits(`initiatedBy/user/userPrincipalName eq '${upn.replaceAll("'", "''")}'`))).to.deep.equal(
      ids(t.audits.filter((a) => a.initiatedBy.user?.userPrincipalName === upn)),
    );
    expect(audits('initiatedBy/app/appId eq null')).to.have.length(t.audits.length);
  });

  it('rejects unsupported syntax, functions and unknown properties with a typed error', () => {
    const bad = [
      "endswith(userDisplayName,'x')", "contains(userDisplayName,'x')", "nope eq 'x'", "userDisplayName eq",
      "userDisplayName eq 'unterminated", 'isSuccess gt true', "isSuccess eq 'yes'", "methodsRegistered eq 'email'",
      "feature eq 'a' add 1", "feature EQ 'reset'", 'userDisplayName eq userPrincipalName', "initiatedBy/user/nope eq 'x'", '',
    ];
    for (const f of bad) {
      const schema = f.startsWith('initiatedBy') ? DIRECTORY_AUDIT_SCHEMA : f.includes('methods') ? USER_REGISTRATION_DETAILS_SCHEMA : USER_EVENTS_SUMMARY_SCHEMA;
      expect(() => compileFilter(f, schema), f).to.throw(ODataQueryError);
    }
    expect(() => compileFilter('nope eq 1', USER_EVENTS_SUMMARY_SCHEMA)).to.throw(/Could not find a property named 'nope'/);
  });

  it('orders by one or more fields, asc and desc, stable', () => {
    const t = tenant();
    const byName = sortRows(t.users, parseOrderBy('userDisplayName', USER_REGISTRATION_DETAILS_SCHEMA));
    const names = byName.map((u) => u.userDisplayName.toLowerCase());
    expect(names).to.deep.equal([...names].sort());
    const two = sortRows(t.events, parseOrderBy('feature desc, eventDateTime asc', USER_EVENTS_SUMMARY_SCHEMA));
    for (let i = 1; i < two.length; i++) {
      const [a, b] = [two[i - 1]!, two[i]!];
      expect(a.feature >= b.feature).to.equal(true);
      if (a.feature === b.feature) expect(Date.parse(a.eventDateTime) <= Date.parse(b.eventDateTime)).to.equal(true);
    }
    expect(() => parseOrderBy('methodsRegistered', USER_REGISTRATION_DETAILS_SCHEMA)).to.throw(ODataQueryError);
  });
});
