// All data goes through here: a typed wrapper over window.api that unwraps the result envelope.
import type { Channel } from '../shared/ipc/channels';
import type { Input, Output } from '../shared/ipc/contract';
import type { ErrorCode } from '../shared/errors';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  if (!window.api) throw new ApiError('INTERNAL', 'Disclose is not connected to its case files (no window.api).');
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.fields);
  return result.value;
}
