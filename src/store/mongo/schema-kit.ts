// Building blocks shared by the mongoose schemas: options and field types.
import type { SchemaOptions } from 'mongoose';

// NOTE: autoIndex/autoCreate are off: init() creates collections and indexes explicitly.
// bufferCommands is off: a query before init() fails at once instead of hanging for 10 s.
export const OPTIONS = {
  versionKey: false,
  minimize: false, // keep empty objects in `data`
  id: false,
  bufferCommands: false,
  autoIndex: false,
  autoCreate: false,
} as const satisfies SchemaOptions;

export const options = (collection: string) => ({ ...OPTIONS, collection });

/**
 * `required` that only refuses null/undefined. Mongoose's own `required` also refuses '' and
 * empty buffers, which the port allows (e.g. an empty comment), and SQLite accepts.
 */
export function present(path: string) {
  return function (this: { get?: (p: string) => unknown }): boolean {
    return typeof this.get === 'function' && this.get(path) == null;
  };
}

export const id = { type: String, required: true };
export const str = { type: String, required: true };
export const text = (path: string) => ({ type: String, required: present(path) });
export const nullableStr = { type: String, default: null };
export const int = (min: number) => ({ type: Number, required: true, min, validate: Number.isInteger });
/** A record's insertion number (sequences.ts): 1, 2, … */
export const sequenceNo = { type: Number, required: true, min: 1, validate: Number.isInteger };
/** The last insertion number given (a counter field; missing until the first is taken). */
export const counter = { type: Number, min: 0, validate: (v: unknown) => v == null || Number.isInteger(v) };
