// Insertion-order sequences of the MongoDB store (what SQLite's rowid gives): one counter document
// per sequence, incremented in the writer's transaction, so the order is the commit order across
// every instance. NOTE: two transactions that both take a number conflict on the counter and one is
// retried: fine at the rate cases are created.
import { Schema, type ClientSession } from 'mongoose';
import type { Models } from './models.js';
import { options, str } from './schema-kit.js';

export interface CounterDoc {
  _id: string;
  value: number;
}

export const counterSchema = new Schema<CounterDoc>({ _id: str, value: { type: Number, required: true } }, options('counters'));

/** The next number of sequence `name` (1, 2, …), taken in `session`'s transaction. */
export async function nextSeq(m: Models, name: string, session?: ClientSession): Promise<number> {
  const doc = await m.Counter.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after', session }).lean();
  if (!doc) throw new Error(`counter ${name}: the upsert returned no document`);
  return doc.value;
}
