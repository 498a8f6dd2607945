// Reads a record by a name that may come from a process model (a field id): own properties only,
// so a name such as `constructor` or `toString` never finds an inherited Object.prototype member.

/** `record[key]` if `record` has it as its own property, else undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
