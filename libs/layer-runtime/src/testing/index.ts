export { invokeBundle, type BundleInvocation } from './invoke-bundle';
export { bundleNodeVersion, LAMBDA_NODE_MAJOR, lambdaNodeBinary } from './lambda-node';
