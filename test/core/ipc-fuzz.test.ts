// The IPC fuzzer: random and invalid payloads for every channel, through core.invoke, the very
// path the Electron shell uses (src/main/electron/ipc.ts). Nothing may throw, and nothing may end
// as INTERNAL: a bad payload is refused by validation or by the handler, with a reason. The count
// is bounded for CI (FUZZ_CASES per channel, default 40); bench runs take more.
import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../src/shared/ipc/channels';
import { ERROR_CODES } from '../../src/shared/errors';
import { AUTHORITY, ok, tempDir, testCore } from '../helpers/core';
import { examples, payloadMaker } from '../hostile/payloads';

const PER_CHANNEL = Number(process.env.FUZZ_CASES ?? 40);

describe('IPC fuzzing through core.invoke', () => {
  it(`answers every payload with a result, never an exception or an internal error (${PER_CHANNEL} per channel)`, async () => {
    const core = await testCore({
      dataDir: tempDir(),
      host: { chooseSavePath: async () => null, printPdf: async () => false, chooseFiles: async () => null },
    });
    try {
      ok(await core.invoke('settings:update', AUTHORITY));
      const reference = ok(await core.invoke('cases:create', { regime: 'foia', received: '2026-11-02', requester: { name: 'A Requester' } })).reference;
      const valid = examples(reference);
      const make = payloadMaker(20261130);
      const figures = { sent: 0, accepted: 0, rejected: 0, refused: 0, internal: 0, thrown: 0 };
      const escaped: string[] = [];
      const channels: string[] = [...IPC_CHANNELS, 'no:such-channel', '__proto__', 'constructor'];
      for (const channel of channels) {
        for (let i = 0; i < PER_CHANNEL; i++) {
          const payload = make(valid[channel] ?? {});
          figures.sent++;
          let result: Awaited<ReturnType<typeof core.invoke>>;
          try {
            result = await core.invoke(channel, payload);
          } catch (error) {
            figures.thrown++;
            escaped.push(`${channel} threw ${String(error)}`);
            continue;
          }
          if (result.ok) figures.accepted++;
          else if (result.error.code === 'VALIDATION') figures.rejected++;
          else if (result.error.code === 'INTERNAL') {
            figures.internal++;
            escaped.push(`${channel}: ${result.error.message.slice(0, 200)}`);
          } else figures.refused++;
          if (!result.ok) {
            expect(ERROR_CODES).toContain(result.error.code);
            expect(typeof result.error.message).toBe('string');
          }
        }
      }
      console.log(`IPC fuzz: ${figures.sent} payloads over ${channels.length} channels: ${figures.rejected} rejected by validation, ${figures.refused} refused by a handler, ${figures.accepted} accepted, ${figures.internal} internal errors, ${figures.thrown} thrown (none escaping: ${figures.internal + figures.thrown === 0})`);
      expect(escaped).toEqual([]);
      // The case file is still whole and readable afterwards.
      expect(ok(await core.invoke('cases:get', { reference })).reference).toBe(reference);
    } finally {
      await core.close();
    }
  }, 300_000);
});
