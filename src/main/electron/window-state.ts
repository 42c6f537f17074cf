// The window comes back where the officer left it: size, position and maximised state, kept in a
// small JSON file beside the database. A position on a monitor that is no longer attached (a
// laptop off its dock) is dropped so the window never opens off-screen.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Rect> & { width: number; height: number };
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { bounds: { width: 1280, height: 860 }, maximized: false };
export const MIN_SIZE = { width: 900, height: 600 };

const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Keeps a saved state only if it is sane and at least 100×50 px of its title area is on a screen. */
export function fitToScreens(saved: unknown, workAreas: Rect[]): WindowState {
  const s = saved as Partial<WindowState> | null;
  const b = s?.bounds;
  if (!b || !isNum(b.width) || !isNum(b.height)) return DEFAULT_STATE;
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), { width: 0, height: 0 });
  const width = Math.round(Math.min(Math.max(b.width, MIN_SIZE.width), largest.width || b.width));
  const height = Math.round(Math.min(Math.max(b.height, MIN_SIZE.height), largest.height || b.height));
  const maximized = s?.maximized === true;
  if (!isNum(b.x) || !isNum(b.y)) return { bounds: { width, height }, maximized };
  const visible = workAreas.some((a) => b.x! + width - 100 >= a.x && b.x! + 100 <= a.x + a.width && b.y! >= a.y && b.y! + 50 <= a.y + a.height);
  return visible ? { bounds: { x: Math.round(b.x), y: Math.round(b.y), width, height }, maximized } : { bounds: { width, height }, maximized };
}

export function readWindowState(file: string, workAreas: Rect[]): WindowState {
  try {
    return fitToScreens(JSON.parse(readFileSync(file, 'utf8')), workAreas);
  } catch {
    return fitToScreens(null, workAreas);
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}
