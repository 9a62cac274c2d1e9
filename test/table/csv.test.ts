import { expect } from '@open-wc/testing';
import { csvField, csvFilename, toCsv } from '../../src/table/csv.js';
import { AUDIT_COLUMNS, EVENT_COLUMNS, USER_COLUMNS } from '../../src/table/columns.js';
import type { AuditRow, EventRow, UserRow } from '../../src/reports/types.js';

const event = (userName: string, failureReason = ''): EventRow => ({
  id: userName, time: Date.UTC(2026, 10, 20, 8, 30), userName, upn: 'a@b.example', feature: 'reset', method: 'sms', succeeded: !failureReason, failureReason,
});

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).to.equal('plain');
    expect(csvField('a,b')).to.equal('"a,b"');
    expect(csvField('say "hi"')).to.equal('"say ""hi"""');
    expect(csvField('two\nlines')).to.equal('"two\nlines"');
  });

  it('neutralises every formula trigger (= + - @ tab CR LF) so it stays text', () => {
    for (const evil of ['=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '\n=1']) {
      const field = csvField(evil);
      expect(field.startsWith(`"'`), JSON.stringify(evil)).to.equal(true);
      expect(field).to.equal(`"'${evil.replaceAll('"', '""')}"`);
    }
  });

  it('also neutralises a trigger after leading blanks, and the full-width ＝ ＋ － ＠', () => {
    for (const evil of [' =1+1', '\u00a0=1+1', '  @SUM(A1)', '\u3000-1', '＝1+1', '＋1', '－1', '＠SUM(A1)', ' \u00a0＝cmd']) {
      expect(csvField(evil), JSON.stringify(evil)).to.equal(`"'${evil}"`);
    }
    for (const fine of ['a=b', 'x@example.com', 'Re-registered', '１２']) expect(csvField(fine)).to.equal(fine);
  });

  it('writes a BOM, a header, CRLF lines, ISO 8601 UTC dates and the labels the table shows in every column', async () => {
    const rows = [event('Zoë Ångström'), event('=HYPERLINK("x")', 'Verification code was incorrect')];
    const blob = await toCsv(EVENT_COLUMNS, rows, [0, 1]);
    expect([...new Uint8Array(await blob.arrayBuffer()).slice(0, 3)], 'UTF-8 byte-order mark').to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = (await blob.text()).split('\r\n'); // text() decodes the BOM away
    expect(lines[0]).to.equal('Date,User,User principal name,Feature,Method,Status,Failure reason');
    expect(lines[1]).to.equal('2026-11-20T08:30:00.000Z,Zoë Ångström,a@b.example,Reset,SMS,Success,');
    expect(lines[2]).to.equal(`2026-11-20T08:30:00.000Z,"'=HYPERLINK(""x"")",a@b.example,Reset,SMS,Failure,Verification code was incorrect`);
    expect(lines[3]).to.equal('');
  });

  it('writes Graph\'s own values in every column when asked for raw values', async () => {
    const text = await (await toCsv(EVENT_COLUMNS, [event('Ann', 'Timeout')], [0], { values: 'raw' })).text();
    expect(text.split('\r\n')[1]).to.equal('2026-11-20T08:30:00.000Z,Ann,a@b.example,reset,sms,false,Timeout');
  });

  it('labels or raw values, never a mix, in the users and audit columns too', async () => {
    const user: UserRow = {
      id: 'u', name: 'Ann', upn: 'ann@x', userType: 'member', isAdmin: true, ssprRegistered: true, ssprEnabled: false, ssprCapable: false,
      mfaRegistered: true, mfaCapable: true, passwordlessCapable: false, methods: ['mobilePhone', 'email'], lastUpdated: Date.UTC(2026, 0, 1),
    };
    const labels = (await (await toCsv(USER_COLUMNS, [user], [0])).text()).split('\r\n')[1]!;
    const raw = (await (await toCsv(USER_COLUMNS, [user], [0], { values: 'raw' })).text()).split('\r\n')[1]!;
    expect(labels).to.contain('Yes,No,No,Yes,No,Yes,"Mobile phone, Email",Member');
    expect(raw).to.contain('true,false,false,true,false,true,mobilePhone;email,member');
    const audit: AuditRow = {
      id: 'a', service: 'Self-service Password Management', time: 0, activity: 'Reset password (self-service)', status: 'failure', reason: 'x', initiatedBy: 'Ann', initiatedByUpn: 'ann@x',
      target: 'Ann', targetUpn: 'ann@x', details: [],
    };
    expect((await (await toCsv(AUDIT_COLUMNS, [audit], [0])).text()).split('\r\n')[1]).to.contain(',Failure,');
    expect((await (await toCsv(AUDIT_COLUMNS, [audit], [0], { values: 'raw' })).text()).split('\r\n')[1]).to.contain(',failure,');
  });

  it('exports only the given rows, in the given order, in slices', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => event(`user ${i}`));
    const progress: number[] = [];
    const text = await (await toCsv(EVENT_COLUMNS, rows, [11, 3], { onProgress: (n) => progress.push(n), sliceRows: 1 })).text();
    expect(text.split('\r\n').slice(1, 3).map((l) => l.split(',')[1])).to.deep.equal(['user 11', 'user 3']);
    expect(progress).to.deep.equal([1, 2]);
  });

  it('names the file after the report and the date', () => {
    expect(csvFilename('events', new Date(Date.UTC(2026, 10, 22)))).to.equal('sspr-events-2026-11-22.csv');
  });
});
