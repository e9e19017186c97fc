import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fitView, MAX_SCALE, MIN_SCALE, panBy, transformOf, wheelFactor, zoomAt, type View } from '../../../media/src/panZoom';

/** Where a content point lands on screen under a view. */
const project = (v: View, x: number, y: number) => ({ x: v.x + x * v.scale, y: v.y + y * v.scale });
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe('client: diagram pan/zoom', () => {
  it('zooming keeps the point under the cursor where it is (property)', () => {
    const num = fc.double({ min: -1000, max: 1000, noNaN: true });
    fc.assert(
      fc.property(
        num,
        num,
        fc.double({ min: 0.2, max: 4, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        num,
        num,
        (x, y, scale, factor, px, py) => {
          const view = { x, y, scale };
          const zoomed = zoomAt(view, factor, px, py);
          // The content point that was under (px, py) before…
          const cx = (px - view.x) / view.scale;
          const cy = (py - view.y) / view.scale;
          const after = project(zoomed, cx, cy);
          assert.ok(close(after.x, px) && close(after.y, py), JSON.stringify({ view, zoomed, px, py }));
        },
      ),
    );
  });

  it('clamps the scale', () => {
    assert.equal(zoomAt({ x: 0, y: 0, scale: 1 }, 1000, 0, 0).scale, MAX_SCALE);
    assert.equal(zoomAt({ x: 0, y: 0, scale: 1 }, 1e-6, 0, 0).scale, MIN_SCALE);
  });

  it('fits a large diagram inside the viewport, centred, and never enlarges a small one', () => {
    const big = fitView({ width: 2000, height: 500 }, { width: 1032, height: 800 }, 16);
    assert.equal(big.scale, 0.5);
    assert.deepEqual(project(big, 0, 0), { x: 16, y: 275 });
    assert.deepEqual(project(big, 2000, 500), { x: 1016, y: 525 });
    const small = fitView({ width: 100, height: 50 }, { width: 400, height: 300 });
    assert.deepEqual(small, { x: 150, y: 125, scale: 1 });
    assert.deepEqual(fitView({ width: 0, height: 0 }, { width: 400, height: 300 }), { x: 0, y: 0, scale: 1 });
  });

  it('pans, zooms in for a wheel up, out for a wheel down, and writes a CSS transform', () => {
    assert.deepEqual(panBy({ x: 1, y: 2, scale: 3 }, 10, -5), { x: 11, y: -3, scale: 3 });
    assert.ok(wheelFactor(-100, 0) > 1 && wheelFactor(100, 0) < 1);
    assert.equal(wheelFactor(-3, 1), wheelFactor(-48, 0), 'lines count as 16 px');
    assert.ok(wheelFactor(-1e6, 0) <= Math.exp(0.5), 'a huge delta is bounded');
    assert.equal(transformOf({ x: 1.234, y: -5, scale: 0.33333 }), 'translate(1.23px, -5px) scale(0.3333)');
  });
});
