// on-headers@1 ships no types: it calls `listener` (with `this` the response) just before the
// response writes its headers.
declare module 'on-headers' {
  import type { ServerResponse } from 'node:http';

  function onHeaders(res: ServerResponse, listener: (this: ServerResponse) => void): void;
  export default onHeaders;
}
