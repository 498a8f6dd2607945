// Values packed for storage: a canonical lower-case UUID (36 characters) kept as its 16 bytes, an
// ISO time as ms, a known name as its number; any other value as the text it is. SQL expressions, so
// every connection (the report reader's too) packs and unpacks alike without a registered function.
// NOTE: a packed column holds a BLOB or TEXT (declare it ANY); compare it with pack(value), never with
// the text: a BLOB never equals a TEXT. GLOB is case-sensitive, so an upper-case UUID stays text.
// NOTE: shipped migrations are built from these expressions: change them only so that stored values read the same.

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

const ISO_GLOB = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'";
const ISO = "'%Y-%m-%dT%H:%M:%fZ'";

/** SQL: a time as stored in a packed column: an ISO-8601 UTC time with ms as ms since the epoch, any other text as it is. */
export const packTime = (expr: string): string =>
  `(CASE WHEN ${expr} GLOB ${ISO_GLOB} AND strftime(${ISO}, ${expr}) = ${expr} THEN CAST(round(unixepoch(${expr}, 'subsec') * 1000) AS INTEGER) ELSE ${expr} END)`;

/** SQL: the text time a packed column `expr` stands for (exact to the ms). */
export const unpackTime = (expr: string): string =>
  `(CASE WHEN typeof(${expr}) = 'integer' THEN strftime(${ISO}, ${expr} / 1000.0, 'unixepoch') ELSE ${expr} END)`;

/** SQL: a name of `names` as its number there (from 1), any other text as it is; and back. */
export const packName = (names: readonly string[], expr: string): string =>
  `(CASE ${expr} ${names.map((n, i) => `WHEN '${n}' THEN ${i + 1}`).join(' ')} ELSE ${expr} END)`;
export const unpackName = (names: readonly string[], expr: string): string =>
  `(CASE ${expr} ${names.map((n, i) => `WHEN ${i + 1} THEN '${n}'`).join(' ')} ELSE ${expr} END)`;
