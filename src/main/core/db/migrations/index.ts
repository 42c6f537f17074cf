// Every migration, in order, registered statically so that bundling cannot lose one.
import type { Migration } from 'kysely/migration';
import * as initial from './2026_11_22_0900_initial';

export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_0900_initial': initial,
};
