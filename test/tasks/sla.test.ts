// Time against the Mutu Baku Waktu and NIK masking, as plain functions.
import { describe, expect, test } from '@jest/globals';
import { maskNik, span, timeLeft } from '../../src/tasks/sla.js';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const plus = (min: number, sec = 0) => new Date(T0.getTime() + min * 60_000 + sec * 1000);

describe('Given a task due 15 minutes after T0', () => {
  const due = plus(15).toISOString();

  test('when 8 minutes have passed, then 7 minutes are left and it is not overdue', () => {
    expect(timeLeft(due, plus(8))).toEqual({ overdue: false, key: 'sla.sisa', span: { iso: 'PT7M', under: false, minutes: 7 } });
  });

  test('when it is 12 minutes 40 seconds late, then it is overdue by 12 (whole) minutes', () => {
    expect(timeLeft(due, plus(27, 40))).toMatchObject({ overdue: true, key: 'sla.lewat', span: { iso: 'PT12M' } });
  });

  test('when exactly at the due time or 30 seconds late, then "less than a minute" on either side', () => {
    expect(timeLeft(due, plus(15))).toMatchObject({ overdue: false, key: 'sla.sisa.kurang', span: { iso: 'PT1M' } });
    expect(timeLeft(due, plus(15, 30))).toMatchObject({ overdue: true, key: 'sla.lewat.kurang', span: { iso: 'PT1M' } });
  });

  test('when it is days late, then days, hours and minutes are given', () => {
    expect(timeLeft(due, plus(15 + 2 * 1440 + 3 * 60 + 5)).span.iso).toBe('P2DT3H5M');
    expect(span(60 * 60_000).iso).toBe('PT1H');
    expect(span(1440 * 60_000).iso).toBe('P1D');
    expect(span(80 * 60_000).iso).toBe('PT1H20M'); // totals too: one formatter ("1 jam 20 menit")
  });
});

describe('Given a NIK', () => {
  test('when masked for a list, then only the first 4 and last 4 digits remain', () => {
    expect(maskNik('6171052609860003')).toBe('6171********0003');
    expect(maskNik('6171 0526 0986 0003')).toBe('6171********0003');
  });

  test('when missing or too short to mask safely, then nothing or only stars are shown', () => {
    expect(maskNik(undefined)).toBeNull();
    expect(maskNik('')).toBeNull();
    expect(maskNik('12345678')).toBe('********');
  });
});
