/**
 * Pan/zoom arithmetic for the diagram viewport: a translation (x, y) and a
 * scale applied as `translate(x, y) scale(s)` with origin top-left. Pure, so
 * it is unit-tested without a browser.
 */
export interface View {
  x: number;
  y: number;
  scale: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 8;

export const IDENTITY: View = { x: 0, y: 0, scale: 1 };

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zoom by `factor` keeping the content point under (px, py) where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { x: px - (px - view.x) * k, y: py - (py - view.y) * k, scale };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { x: view.x + dx, y: view.y + dy, scale: view.scale };
}

/** The view that shows all of `content` centred in `viewport`, never enlarged past 1:1. */
export function fitView(content: Size, viewport: Size, padding = 16): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return IDENTITY;
  const room = { width: Math.max(1, viewport.width - 2 * padding), height: Math.max(1, viewport.height - 2 * padding) };
  const scale = clampScale(Math.min(1, room.width / content.width, room.height / content.height));
  return {
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
    scale,
  };
}

/** Wheel delta → zoom factor; smooth for trackpads, bounded for mice. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-200, Math.min(200, pixels)) / 400);
}

export function transformOf(view: View): string {
  return `translate(${round(view.x)}px, ${round(view.y)}px) scale(${round(view.scale, 4)})`;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
