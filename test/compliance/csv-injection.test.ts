// CSV exports and spreadsheet formulas (OWASP "CSV injection"): every text cell that a spreadsheet
// program would read as a formula is prefixed with a quote, whatever follows its first character;
// figures the reports emit as numbers stay numbers, negative ones included.
import { describe, expect, test } from '@jest/globals';
import { toCsv } from '../../src/csv.js';
import { csvMinutes, csvPercent } from '../../src/compliance/report-format.js';

const body = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[1];

describe('Given a table exported as CSV', () => {
  test.each([
    ["-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['-5', "'-5"],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+62 812', "'+62 812"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['＝1', "'＝1"],
  ])('when a text cell is %j, then it is written as %j', (cell, written) => {
    expect(body(toCsv({ header: ['x'], rows: [[cell]] }))).toBe(written);
  });

  test('when a cell is a number, negative or not, then it is written as the plain number', () => {
    expect(body(toCsv({ header: ['a', 'b', 'c', 'd'], rows: [[-5, 12.5, 0, null]] }))).toBe('-5,12.5,0,');
  });

  test('when a report figure is negative minutes or a share, then it is a number, so it is not prefixed', () => {
    expect([csvMinutes(-90_000), csvMinutes(750_000), csvPercent(0.75), csvMinutes(null), csvPercent(undefined)]).toEqual([-1.5, 12.5, 75, null, null]);
    expect(body(toCsv({ header: ['a', 'b'], rows: [[csvMinutes(-90_000), csvPercent(-0.5)]] }))).toBe('-1.5,-50');
  });

  test('when a cell holds a comma, a quote or a line break, then it is quoted (RFC 4180), with a BOM and CRLF lines', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [['x,y', 'q"q'], ['baris\nbaru', 'é']] })).toBe('\uFEFFa,b\r\n"x,y","q""q"\r\n"baris\nbaru",é\r\n');
  });
});
