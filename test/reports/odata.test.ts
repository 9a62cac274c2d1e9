import { expect } from '@open-wc/testing';
import { and, any, eq, field, ge, literal, or, queryString, startsWith, ODataFilter } from '../../src/reports/odata.js';

describe('OData filter builder', () => {
  it('doubles quotes, so a quote cannot end the literal', () => {
    expect(literal("O'Brien")).to.equal("'O''Brien'");
    expect(literal("x' or 1 eq 1 or userDisplayName eq '")).to.equal("'x'' or 1 eq 1 or userDisplayName eq '''");
    expect(eq('userDisplayName', "' or true or '").text).to.equal("userDisplayName eq ''' or true or '''");
  });

  it('renders booleans, numbers, null and dates as OData literals', () => {
    expect(literal(true)).to.equal('true');
    expect(literal(12)).to.equal('12');
    expect(literal(null)).to.equal('null');
    expect(literal(new Date(Date.UTC(2025, 6, 1)))).to.equal('2025-07-01T00:00:00.000Z');
    expect(() => literal(Number.NaN)).to.throw(TypeError);
    expect(() => literal(new Date('nope'))).to.throw(TypeError);
  });

  it('keeps unicode and repairs a lone surrogate instead of throwing on encoding', () => {
    expect(literal('Zoë Ångström 👩‍💻')).to.equal("'Zoë Ångström 👩‍💻'");
    const broken = 'ab\uD83D'; // half an emoji
    expect(() => queryString({ filter: eq('userDisplayName', broken) })).not.to.throw();
    expect(literal(broken)).to.equal("'ab\uFFFD'");
  });

  it('rejects anything but a property path as a field name', () => {
    expect(field('initiatedBy/user/userPrincipalName')).to.equal('initiatedBy/user/userPrincipalName');
    for (const bad of ['a b', "x'", 'a eq 1', '', '1abc', 'a//b', 'a/']) expect(() => field(bad), bad).to.throw(TypeError);
  });

  it('combines with and/or, skipping missing parts and parenthesising each', () => {
    expect(and(undefined, false, null)).to.equal(undefined);
    expect(and(eq('isSuccess', true))!.text).to.equal('isSuccess eq true');
    expect(and(eq('feature', 'reset'), or(eq('authMethod', 'sms'), eq('authMethod', 'email')))!.text).to.equal(
      "(feature eq 'reset') and ((authMethod eq 'sms') or (authMethod eq 'email'))",
    );
  });

  it('builds startswith and any-lambdas with escaped literals', () => {
    expect(startsWith('userPrincipalName', "o'b").text).to.equal("startswith(userPrincipalName,'o''b')");
    expect(any('methodsRegistered', 'eq', 'email').text).to.equal("methodsRegistered/any(x:x eq 'email')");
    expect(any('targetResources', 'eq', "O'Neil", 'displayName').text).to.equal("targetResources/any(x:x/displayName eq 'O''Neil')");
    expect(any('targetResources', 'startswith', 'Al', 'displayName').text).to.equal(
      "targetResources/any(x:startswith(x/displayName,'Al'))",
    );
  });

  it('encodes the query string so & # + % in a value stay inside it', () => {
    const filter = eq('userDisplayName', 'A&B #1 +50%');
    const qs = queryString({ filter, orderBy: [['eventDateTime', 'desc']], top: 1000 });
    const params = new URLSearchParams(qs.slice(1));
    expect([...params.keys()]).to.deep.equal(['$filter', '$orderby', '$top']);
    expect(params.get('$filter')).to.equal("userDisplayName eq 'A&B #1 +50%'");
    expect(params.get('$orderby')).to.equal('eventDateTime desc');
    expect(queryString({})).to.equal('');
    expect(() => queryString({ top: 0 })).to.throw(TypeError);
    expect(ge('activityDateTime', new Date(0))).to.be.instanceOf(ODataFilter);
  });
});
