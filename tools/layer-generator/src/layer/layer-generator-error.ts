/**
 * Thrown by the layer generator when it refuses a layer, before it changes anything: the message
 * says what is wrong and what to do. Nx prints it and writes no files.
 */
export class LayerGeneratorError extends Error {
  override readonly name = 'LayerGeneratorError';
}
