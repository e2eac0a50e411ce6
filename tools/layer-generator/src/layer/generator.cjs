// Nx loads generator factories with require(), and Node 20 cannot run TypeScript (nor is
// @swc-node/register or ts-node installed for Nx's own fallback): the TypeScript generator is
// loaded through tsx, the workspace's TypeScript runner.
const { pathToFileURL } = require('node:url');

module.exports = async function layer(tree, options) {
  const { tsImport } = await import('tsx/esm/api');
  const { layerGenerator } = await tsImport('./layer-generator.ts', pathToFileURL(__filename).href);
  return layerGenerator(tree, options);
};
