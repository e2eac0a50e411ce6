import { describe, expect, it } from 'vitest';
import { MedallionError } from '../src/index';

class LibError extends MedallionError {}
class LibFaultError extends LibError {
  constructor(readonly line: number) {
    super(`fault at line ${line}`);
  }
}

describe('MedallionError', () => {
  it('names an error after its own class, however deep', () => {
    expect(new LibError('x').name).toBe('LibError');
    expect(new LibFaultError(7).name).toBe('LibFaultError');
    expect(String(new LibFaultError(7))).toBe('LibFaultError: fault at line 7');
  });

  it('is an Error and an instance of every base on its way', () => {
    const error = new LibFaultError(3);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(MedallionError);
    expect(error).toBeInstanceOf(LibError);
    expect(error.line).toBe(3);
  });

  it('keeps the cause it is given', () => {
    const cause = new TypeError('inner');
    expect(new LibError('outer', { cause }).cause).toBe(cause);
  });
});
