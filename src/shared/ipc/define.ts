// How a feature declares its channels: each channel is one object holding the zod schema of what
// may come in and the zod schema of what goes out, so a channel's whole contract is in one place.
import type { z } from 'zod';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** The channels of one feature, by `feature:action` name. */
export type FeatureSpec = Record<string, ChannelSpec>;

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelSpec<I, O> {
  return { input, output };
}

/** One handler per channel of a feature: it receives the parsed input and resolves to the output. */
export type FeatureHandlers<F extends FeatureSpec> = {
  [C in keyof F]: (input: z.output<F[C]['input']>) => Promise<z.output<F[C]['output']>>;
};

// Deep structural identity, with intersections and interfaces flattened first so that a domain
// interface and the object type zod infers compare field by field (optional and readonly included).
type Normalize<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]: Normalize<T[K]> } : T;
export type Same<A, B> =
  (<T>() => T extends Normalize<A> ? 1 : 2) extends <T>() => T extends Normalize<B> ? 1 : 2 ? true : false;

/**
 * `type _Check = Agrees<Same<z.output<typeof schema>, DomainType>>` compiles only while an output
 * schema and the domain type it mirrors say the same thing, so the two cannot drift apart.
 */
export type Agrees<T extends true> = T;
