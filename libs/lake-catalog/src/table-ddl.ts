import type { CatalogTable } from './catalog-table';
import { STORAGE_FORMATS } from './storage-format';

/**
 * The Glue database name of a stage's lake: `medallion_<stage>`, hyphens as underscores (Athena
 * names hold lowercase letters, digits and `_` only).
 *
 * @param stage - the deployment stage, e.g. `dev` or `team-a`.
 * @returns e.g. `medallion_team_a`.
 */
export function lakeDatabaseName(stage: string): string {
  return `medallion_${stage.replaceAll('-', '_')}`;
}

/** A DDL string literal; Hive DDL and Athena differ on escaping a quote, so the catalog holds none. */
function quoted(text: string): string {
  if (text.includes("'"))
    throw new RangeError(`a catalog text holds a single quote, which DDL cannot carry alike everywhere: ${text}`);
  return `'${text}'`;
}

function propertiesOf(properties: Readonly<Record<string, string>>): string {
  return Object.entries(properties)
    .map(([key, value]) => `${quoted(key)}=${quoted(value)}`)
    .join(', ');
}

/**
 * The Athena DDL that creates a table as the catalog stack does, for people who keep their own
 * catalog (README, "Query the lake with Athena"): `CREATE EXTERNAL TABLE`, its columns in file
 * order with comments, its SerDe and formats, its location, its properties.
 *
 * @param table - a catalogued table.
 * @param where - the Glue database and the lake bucket's name.
 * @returns the statement, without a trailing `;`, lines joined by `\n`.
 * @throws RangeError when a name, comment or description holds a single quote.
 */
export function createTableDdl(table: CatalogTable, where: { database: string; bucket: string }): string {
  const storage = STORAGE_FORMATS[table.format];
  const serdeParameters = Object.keys(storage.serdeParameters).length
    ? [`WITH SERDEPROPERTIES (${propertiesOf(storage.serdeParameters)})`]
    : [];
  return [
    `CREATE EXTERNAL TABLE ${where.database}.${table.name} (`,
    table.columns.map((column) => `  ${column.name} ${column.type} COMMENT ${quoted(column.comment)}`).join(',\n'),
    `)`,
    `COMMENT ${quoted(table.description)}`,
    `ROW FORMAT SERDE ${quoted(storage.serializationLibrary)}`,
    ...serdeParameters,
    `STORED AS INPUTFORMAT ${quoted(storage.inputFormat)}`,
    `OUTPUTFORMAT ${quoted(storage.outputFormat)}`,
    `LOCATION ${quoted(`s3://${where.bucket}/${table.prefix}`)}`,
    `TBLPROPERTIES (${propertiesOf(storage.tableParameters)})`,
  ].join('\n');
}
