// Dates as people read them, in the office's time zone (WIB): one helper for every view.
import { describe, expect, test } from '@jest/globals';
import { formatDate, formatDateTime, formatMonth } from '../../src/web/dates.js';
import { createViewEngine } from '../../src/web/view-engine.js';
import { $ } from '../helpers/app.js';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

describe('Given an instant, a calendar date and a month', () => {
  test('when shown in Indonesian, then "6 Desember 2026 08.14 WIB", "6 Desember 2026", "Juli 2026"', () => {
    expect(formatDateTime('2026-12-06T01:14:00.000Z', 'id')).toBe('6 Desember 2026 08.14 WIB');
    expect(formatDate('2026-12-06', 'id')).toBe('6 Desember 2026');
    expect(formatMonth('2026-07', 'id')).toBe('Juli 2026');
  });

  test('when shown in English, then "6 December 2026 08:14 WIB", "6 December 2026", "July 2026"', () => {
    expect(formatDateTime('2026-12-06T01:14:00.000Z', 'en')).toBe('6 December 2026 08:14 WIB');
    expect(formatDate('2026-12-06', 'en')).toBe('6 December 2026');
    expect(formatMonth('2026-07', 'en')).toBe('July 2026');
  });

  test('when an instant falls on the next day in WIB, then its date is the WIB day; a calendar date never shifts', () => {
    expect(formatDate('2026-12-05T17:30:00.000Z', 'id')).toBe('6 Desember 2026'); // 00.30 WIB
    expect(formatDate('2026-01-01', 'id')).toBe('1 Januari 2026');
  });

  test('when the value is no date, then it is shown as it is (never "Invalid Date")', () => {
    expect([formatDate('2026-02-30', 'id'), formatDate('kemarin', 'id'), formatMonth('2026-13', 'id'), formatMonth('Juli', 'en')]).toEqual(['2026-02-30', 'kemarin', '2026-13', 'Juli']);
  });

  test('when a view uses the datetime, date and month helpers, then they follow the page language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'alur-views-'));
    mkdirSync(join(dir, 'layouts'));
    writeFileSync(join(dir, 'layouts', 'main.hbs'), '{{{body}}}');
    writeFileSync(join(dir, 'page.hbs'), '<p class="dt">{{datetime at}}</p><p class="d">{{date day}}</p><p class="m">{{month m}}</p>');
    const render = createViewEngine(dir);
    const context = { at: '2026-12-06T01:14:00.000Z', day: '2026-07-01', m: '2026-07' };
    const id = $(render('page', { ...context, lang: 'id' }));
    const en = $(render('page', { ...context, lang: 'en' }));
    expect([id('.dt').text(), id('.d').text(), id('.m').text()]).toEqual(['6 Desember 2026 08.14 WIB', '1 Juli 2026', 'Juli 2026']);
    expect([en('.dt').text(), en('.d').text(), en('.m').text()]).toEqual(['6 December 2026 08:14 WIB', '1 July 2026', 'July 2026']);
  });
});
