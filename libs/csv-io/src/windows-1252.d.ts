// The package ships types that its `exports` field does not expose; this is the part medallion uses.
declare module 'windows-1252' {
  /** Decodes Windows-1252 bytes with the WHATWG index (every byte maps to a code point). */
  export function decode(input: Uint8Array, options?: { mode?: 'fatal' | 'replacement' }): string;
  /** Encodes text as Windows-1252 byte values (the tests build their fixtures with it). */
  export function encode(input: string, options?: { mode?: 'fatal' | 'replacement' }): Uint16Array;
}
