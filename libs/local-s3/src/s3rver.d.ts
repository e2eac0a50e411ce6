declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { Server } from 'node:http';

  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory: string;
    resetOnClose?: boolean;
    configureBuckets?: Array<{ name: string }>;
  }

  /** What medallion's middleware uses of s3rver's Koa context. */
  interface S3rverContext {
    readonly method: string;
    readonly path: string;
    readonly query: Readonly<Record<string, string | string[] | undefined>>;
    get(header: string): string;
    /** The Node.js response (its `close` event: the body has been sent or the connection dropped). */
    readonly res: import('node:http').ServerResponse;
    readonly store: {
      existsObject(bucket: string, key: string): Promise<boolean>;
      getMetadata(bucket: string, key: string): Promise<Record<string, unknown>>;
    };
  }

  type S3rverMiddleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;

  class S3rver extends EventEmitter {
    constructor(options: S3rverOptions);
    httpServer: Server | undefined;
    /** Koa's middleware chain, composed when the server starts. */
    middleware: S3rverMiddleware[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }

  export default S3rver;
  export type { S3rverContext, S3rverMiddleware };
}

declare module 's3rver/lib/models/error.js' {
  /** s3rver's S3 error: rendered as S3's XML error with the status its code has (412 for PreconditionFailed). */
  export default class S3Error extends Error {
    constructor(code: string, message: string, detail?: Record<string, string>);
  }
}
