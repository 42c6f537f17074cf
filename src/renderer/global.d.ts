/// <reference types="vite/client" />
import type { DiscloseApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    api: DiscloseApi;
  }
}
