// Ids packed for storage: a canonical lower-case UUID (36 characters) is kept as its 16 bytes, any
// other id as the text it is. SQL expressions, so every connection (the report reader's too) packs
// and unpacks alike without a registered function.
// NOTE: a packed column holds a BLOB or TEXT (declare it ANY); compare it with pack(value), never with
// the text: a BLOB never equals a TEXT. GLOB is case-sensitive, so an upper-case UUID stays text.

const HEX = '[0-9a-f]';
const UUID_GLOB = `'${[8, 4, 4, 4, 12].map((n) => HEX.repeat(n)).join('-')}'`;

/** SQL: `expr` (a text id) as stored in a packed column. */
export const packId = (expr: string): string =>
  `(CASE WHEN ${expr} GLOB ${UUID_GLOB} THEN unhex(replace(${expr}, '-', '')) ELSE ${expr} END)`;

/** SQL: the text id a packed column `expr` stands for. */
export const unpackId = (expr: string): string => {
  const h = (from: number, n?: number) => `substr(hex(${expr}), ${from}${n === undefined ? '' : `, ${n}`})`;
  return `(CASE WHEN typeof(${expr}) = 'blob' THEN lower(${h(1, 8)} || '-' || ${h(9, 4)} || '-' || ${h(13, 4)} || '-' || ${h(17, 4)} || '-' || ${h(21)}) ELSE ${expr} END)`;
};
