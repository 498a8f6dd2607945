// Arrows pasted as pictures: the picture's strokes become lines and the ink left beside a stroke's
// end becomes its arrowhead, placed on the page through the image's matrix.
import { describe, expect, test } from '@jest/globals';
import { traceRaster, type RasterConnectors } from '../../../src/importer/pdf/raster-arrows.js';
import { arrowheadsOf, wiresOf } from '../../../src/importer/pdf/chart-wires.js';

/** A 100 x 100 picture of an arrow going right along row 10, then down column 60 into a head. */
function lPicture(): { w: number; h: number; ink: Uint8Array } {
  const w = 100;
  const h = 100;
  const ink = new Uint8Array(w * h);
  const set = (x: number, y: number): void => {
    ink[y * w + x] = 1;
  };
  for (let x = 5; x <= 61; x++) for (let y = 9; y <= 11; y++) set(x, y);
  for (let y = 9; y <= 80; y++) for (let x = 59; x <= 61; x++) set(x, y);
  for (let y = 80; y <= 92; y++) {
    const half = Math.round((92 - y) * 0.6);
    for (let x = 60 - half; x <= 60 + half; x++) set(x, y);
  }
  return { w, h, ink };
}

describe('Given a picture of an arrow in the chart', () => {
  test('when it is traced, then its two strokes join into one wire whose end carries a head pointing down', () => {
    // Given the picture drawn at (100,150)-(150,200) on the page (2 pixels a point)
    const out: RasterConnectors = { lines: [], blobs: [] };
    // When
    traceRaster(lPicture(), [50, 0, 0, -50, 100, 200], out);
    // Then one horizontal and one vertical stroke, in page points (within a pixel)
    const near = (got: number, want: number): boolean => Math.abs(got - want) <= 1;
    expect(out.lines).toHaveLength(2);
    const [across, down] = out.lines.map((l) => l.pts) as [Array<{ x: number; y: number }>, Array<{ x: number; y: number }>];
    expect([near(across[0]!.x, 102.5), near(across[1]!.x, 130), near(across[0]!.y, 155), near(across[1]!.y, 155)]).toEqual([true, true, true, true]);
    expect([near(down[0]!.x, 130), near(down[1]!.x, 130), near(down[0]!.y, 155), near(down[1]!.y, 190)]).toEqual([true, true, true, true]);
    expect(out.lines.every((l) => l.raster)).toBe(true);
    const heads = arrowheadsOf(out.blobs);
    expect(heads).toHaveLength(1);
    const [wire] = wiresOf(out.lines, heads, []);
    const head = wire!.ends.find((e) => e.head)!.head!;
    expect([near(head.tip.x, 130), near(head.tip.y, 196.5)]).toEqual([true, true]);
    expect(head.dir.y).toBeCloseTo(1);
  });

  test('when a picture holds only a filled block (a logo, a photo), then nothing is traced from it', () => {
    const w = 40;
    const h = 40;
    const out: RasterConnectors = { lines: [], blobs: [] };
    traceRaster({ w, h, ink: new Uint8Array(w * h).fill(1) }, [20, 0, 0, -20, 0, 20], out);
    expect(out.lines).toEqual([]);
  });
});
