// Flowchart symbols and drawing primitives are recognised by geometry, whatever way a producer drew
// them: stroked outlines, filled rings, polygonised curves, thin filled polygons for lines.
import { describe, expect, test } from '@jest/globals';
import { classifyOutline, symbolsOf } from '../../../src/importer/pdf/shapes.js';
import { centreLine, primitivesOf, type Outline } from '../../../src/importer/pdf/primitives.js';
import { arrowheadsOf } from '../../../src/importer/pdf/chart-wires.js';
import { boxOf, type Pt } from '../../../src/importer/pdf/geometry.js';
import type { Paint } from '../../../src/importer/pdf/page-content.js';

const outline = (pts: Pt[], filled = false): Outline => ({ pts, box: boxOf(pts), curved: false, filled, color: '#000000' });
const rect = (x: number, y: number, w: number, h: number): Pt[] => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];
/** A rounded box as a polygon (the curves flattened, as some producers write them). */
function rounded(x: number, y: number, w: number, h: number, r: number): Pt[] {
  const pts: Pt[] = [];
  const corners: Array<[number, number, number]> = [
    [x + w - r, y + r, -90],
    [x + w - r, y + h - r, 0],
    [x + r, y + h - r, 90],
    [x + r, y + r, 180],
  ];
  for (const [cx, cy, start] of corners) {
    for (let a = 0; a <= 90; a += 15) pts.push({ x: cx + r * Math.cos(((start + a) * Math.PI) / 180), y: cy + r * Math.sin(((start + a) * Math.PI) / 180) });
  }
  return pts;
}
const diamond = (x: number, y: number, w: number, h: number): Pt[] => [
  { x: x + w / 2, y },
  { x: x + w, y: y + h / 2 },
  { x: x + w / 2, y: y + h },
  { x, y: y + h / 2 },
];
const paint = (pts: Pt[][], how: { stroke?: boolean; fill?: boolean; color?: string }): Paint => ({
  stroke: how.stroke ?? false,
  fill: how.fill ?? false,
  subpaths: pts.map((p) => ({ pts: p, closed: true, curved: false, box: boxOf(p) })),
  strokeColor: how.color ?? '#000000',
  fillColor: how.color ?? '#000000',
  lineWidth: 0.5,
});

describe('Given closed outlines', () => {
  test('when they are classified, then box, capsule, diamond and the small page connectors are told apart', () => {
    expect(classifyOutline(outline(rect(0, 0, 40, 20)))).toBe('process');
    expect(classifyOutline(outline(rounded(0, 0, 46, 16, 8)))).toBe('terminator'); // capsule
    expect(classifyOutline(outline(rounded(0, 0, 60, 30, 6)))).toBe('terminator'); // rounded box
    expect(classifyOutline(outline(diamond(0, 0, 40, 28)))).toBe('decision');
    expect(classifyOutline(outline(rounded(0, 0, 16, 16, 8)))).toBe('connector'); // circle
    expect(classifyOutline(outline([{ x: 0, y: 0 }, { x: 26, y: 0 }, { x: 26, y: 11 }, { x: 13, y: 14 }, { x: 0, y: 11 }]))).toBe('connector'); // pentagon
    expect(classifyOutline(outline(rect(0, 0, 40, 3)))).toBeNull(); // too thin for a symbol
    expect(classifyOutline(outline([{ x: 0, y: 0 }, { x: 30, y: 0 }, { x: 0, y: 20 }]))).toBeNull(); // a triangle is none of them
  });

  test('when a box is painted twice or as a filled ring, then it is one symbol', () => {
    // Given a white fill and a stroke of the same box, and a ring (outer and inner outline) next to it
    const prims = primitivesOf([
      paint([rect(10, 10, 40, 20)], { fill: true, color: '#ffffff' }),
      paint([rect(10, 10, 40, 20)], { stroke: true }),
      paint([rect(100, 10, 40, 20), rect(100.8, 10.8, 38.4, 18.4)], { fill: true }),
    ]);
    // When
    const symbols = symbolsOf(prims.outlines);
    // Then two boxes, the ring kept by its outer edge
    expect(symbols.map((s) => [s.kind, Math.round(s.box.x0), Math.round(s.box.x1)])).toEqual([
      ['process', 10, 50],
      ['process', 100, 140],
    ]);
  });
});

describe('Given lines drawn as thin filled polygons', () => {
  test('when an L-shaped outline is reduced, then its centre line runs from end to end through the bend', () => {
    // Given the outline of a 0.5-wide line going left 33 then down 60 (out along one side, back along the other)
    const pts: Pt[] = [
      { x: 254.8, y: 366.4 },
      { x: 221.3, y: 366.4 },
      { x: 221.3, y: 426.2 },
      { x: 221.8, y: 426.2 },
      { x: 221.8, y: 366.6 },
      { x: 221.5, y: 366.9 },
      { x: 254.8, y: 366.9 },
    ];
    // When
    const line = centreLine(pts, 1.5)!;
    // Then
    expect(line.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [255, 367],
      [222, 367],
      [222, 426],
    ]);
  });

  test('when a thin polygon and a small triangle are filled together, then they are a line and an arrowhead', () => {
    // Given a vertical bar ending in a triangle, one fill (how Word exports a connector)
    const prims = primitivesOf([paint([rect(100, 10, 0.6, 50), [{ x: 97.5, y: 58 }, { x: 103.1, y: 58 }, { x: 100.3, y: 63 }]], { fill: true })]);
    // Then
    expect(prims.lines).toHaveLength(1);
    expect(arrowheadsOf(prims.blobs)).toHaveLength(1);
  });

  test('when a small filled square or dot is drawn, then it is no arrowhead', () => {
    const prims = primitivesOf([paint([rect(10, 10, 4, 4)], { fill: true }), paint([rounded(30, 10, 5, 5, 2.5)], { fill: true })]);
    expect(prims.blobs.length).toBeGreaterThan(0);
    expect(arrowheadsOf(prims.blobs)).toEqual([]);
  });
});
