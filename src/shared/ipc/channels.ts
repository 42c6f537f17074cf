// Every message the renderer may send to main, as `feature:action`, derived from the features'
// declarations (features/*.ts). The preload exposes exactly these and main registers exactly these;
// nothing else crosses the boundary.
import { CONTRACT, type Contract } from './features';

export type Channel = keyof Contract & string;

export const IPC_CHANNELS = Object.freeze(Object.keys(CONTRACT)) as readonly Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}
