import ts from 'typescript';
import { LayerGeneratorError } from './layer-generator-error';

/** A source file parsed for reading and editing: its text and its syntax tree. */
export interface ParsedSource {
  /** Workspace-relative path, for messages. */
  readonly path: string;
  readonly text: string;
  readonly file: ts.SourceFile;
}

/**
 * Parses a TypeScript or JavaScript module (syntax only; nothing is type-checked or run).
 *
 * @param path - workspace-relative path, for messages and the script kind (`.ts`, `.mjs`).
 * @param text - the file's text.
 * @returns the parsed source.
 */
export function parseSource(path: string, text: string): ParsedSource {
  const kind = path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  return { path, text, file: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind) };
}

/**
 * The initializer of a top-level `const NAME = …` (through `as const` and type assertions).
 *
 * @param source - the parsed file.
 * @param name - the variable's name.
 * @returns the initializer expression.
 * @throws LayerGeneratorError when the file declares no such variable.
 */
export function constInitializer(source: ParsedSource, name: string): ts.Expression {
  for (const statement of source.file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer) {
        let expression = declaration.initializer;
        while (
          ts.isAsExpression(expression) ||
          ts.isSatisfiesExpression(expression) ||
          ts.isParenthesizedExpression(expression)
        )
          expression = expression.expression;
        return expression;
      }
    }
  }
  throw new LayerGeneratorError(
    `${source.path} declares no top-level const ${name}: the generator reads and registers layers there; restore it or register the layer by hand`,
  );
}

/**
 * The array literal a top-level const is initialized with.
 *
 * @throws LayerGeneratorError when there is no such const or it is not an array literal.
 */
export function constArray(source: ParsedSource, name: string): ts.ArrayLiteralExpression {
  const expression = constInitializer(source, name);
  if (!ts.isArrayLiteralExpression(expression))
    throw new LayerGeneratorError(
      `${source.path}: ${name} is not an array literal, so the generator cannot add to it; register the layer by hand`,
    );
  return expression;
}

/**
 * Evaluates a literal expression: strings, numbers, booleans, arrays and object literals, and
 * `CONST.member` for the constants given. Anything else (a call, `Duration.minutes(5)`) is undefined.
 *
 * @param expression - the expression.
 * @param constants - values of top-level consts that `CONST.member` may name.
 * @returns the value, or undefined where it is not a literal.
 */
export function evaluateLiteral(expression: ts.Expression, constants: Readonly<Record<string, unknown>> = {}): unknown {
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isNumericLiteral(expression)) return Number(expression.text);
  if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isAsExpression(expression) || ts.isParenthesizedExpression(expression) || ts.isSatisfiesExpression(expression))
    return evaluateLiteral(expression.expression, constants);
  if (ts.isArrayLiteralExpression(expression))
    return expression.elements.map((element) => evaluateLiteral(element, constants));
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) {
    const owner = constants[expression.expression.text];
    return owner !== null && typeof owner === 'object'
      ? (owner as Record<string, unknown>)[expression.name.text]
      : undefined;
  }
  if (ts.isObjectLiteralExpression(expression)) {
    const value: Record<string, unknown> = {};
    for (const property of expression.properties) {
      if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
        value[property.name.text] = evaluateLiteral(property.initializer, constants);
      }
    }
    return value;
  }
  return undefined;
}

/** One text insertion. */
interface Insertion {
  readonly at: number;
  readonly text: string;
}

/**
 * Applies insertions to a text (positions refer to the original text).
 *
 * @returns the new text.
 */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  let result = text;
  for (const { at, text: inserted } of [...insertions].sort((a, b) => b.at - a.at))
    result = result.slice(0, at) + inserted + result.slice(at);
  return result;
}

function indentOfLine(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * Where and what to insert to append an element to a multi-line array literal: on a line of its
 * own before the closing bracket, with a comma after the previous element if it has none.
 *
 * @param source - the parsed file.
 * @param array - the array literal.
 * @param element - the element's text (may span lines; lines after the first are indented as given).
 * @returns the insertions.
 */
export function appendElement(source: ParsedSource, array: ts.ArrayLiteralExpression, element: string): Insertion[] {
  const closing = array.getEnd() - 1;
  const last = array.elements[array.elements.length - 1];
  const insertions: Insertion[] = [];
  if (last && !array.elements.hasTrailingComma) insertions.push({ at: last.getEnd(), text: ',' });
  const lineStart = source.text.lastIndexOf('\n', closing - 1) + 1;
  const onOwnLine = /^[ \t]*$/.test(source.text.slice(lineStart, closing));
  if (onOwnLine) {
    const indent = last ? indentOfLine(source.text, last.getStart()) : `${indentOfLine(source.text, closing)}  `;
    insertions.push({ at: lineStart, text: `${indent}${element},\n` });
  } else {
    insertions.push({ at: closing, text: `${last ? ' ' : ''}${element}` });
  }
  return insertions;
}

/**
 * Where and what to insert to put an element before another element of an array literal, with the
 * other's indentation.
 */
export function insertElementBefore(source: ParsedSource, before: ts.Expression, element: string): Insertion[] {
  const at = before.getStart();
  return [{ at, text: `${element},\n${indentOfLine(source.text, at)}` }];
}
