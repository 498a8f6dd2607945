// MONGODB_URI checked with the MongoDB driver's own connection-string parser (the package the
// driver depends on), so every address the driver accepts is accepted: several hosts of a replica
// set, mongodb+srv, options. Light: it loads no driver, so config.ts may use it.
import { ConnectionString } from 'mongodb-connection-string-url';

/** null if `uri` is a MongoDB connection string naming a database, else what is wrong (English, for the operator). */
export function mongoUriProblem(uri: string): string | null {
  let parsed: ConnectionString;
  try {
    parsed = new ConnectionString(uri);
  } catch (err) {
    return `not a MongoDB connection string (mongodb://host1:27017,host2:27017/alur?replicaSet=rs0 or mongodb+srv://cluster.example/alur): ${(err as Error).message}`;
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) return 'the MongoDB connection string names no database (add it after the hosts: mongodb://host:27017/alur)';
  return null;
}
