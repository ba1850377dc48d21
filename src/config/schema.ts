// The shape of a config file, checked against the published JSON schema (schema/empathyrc.schema.json)
// with Ajv, and turned into one line a person can act on: the file, the key, what was expected.
import { Ajv, type ErrorObject } from 'ajv';
import schema from '../../schema/empathyrc.schema.json' with { type: 'json' };
import { didYouMean } from '../engine/similar.js';

let validate: ReturnType<Ajv['compile']> | undefined;

/** Undefined when `raw` has the right shape, else what is wrong with it. */
export function shapeProblem(raw: unknown): string | undefined {
  validate ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  if (validate(raw)) return undefined;
  return describe(mostSpecific(validate.errors ?? []));
}

/** Of Ajv's errors, the one that points deepest, preferring unknown keys (the likeliest typo). */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject | undefined {
  const useful = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const pool = useful.length > 0 ? useful : errors;
  return [...pool].sort(
    (a, b) =>
      Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties') ||
      b.instancePath.split('/').length - a.instancePath.split('/').length,
  )[0];
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'the config is not valid';
  const where = keyPath(error.instancePath);
  const at = where ? `${where}: ` : '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = knownKeys(error.schemaPath);
      return `${at}unknown key "${key}"${didYouMean(key, known)}${known.length ? `; expected one of ${known.join(', ')}` : ''}`;
    }
    case 'enum': {
      const allowed = params.allowedValues as unknown[];
      const near = typeof error.data === 'string' ? didYouMean(error.data, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return `${at}${JSON.stringify(error.data)} is not one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${near}`;
    }
    case 'type':
      return `${at}must be ${article(String(params.type))}`;
    case 'required':
      return `${at}"${String(params.missingProperty)}" is required`;
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return `${at}${JSON.stringify(error.data)} has the wrong form${description ? `: expected ${description.charAt(0).toLowerCase()}${description.slice(1).replace(/\.$/, '')}` : ''}`;
    }
    default:
      return `${at}${error.message ?? 'is not valid'}`;
  }
}

/** `/rules/avoid-blame` → `rules.avoid-blame`; `/phrases/0/id` → `phrases[0].id`. */
function keyPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function knownKeys(schemaPath: string): string[] {
  // '#/properties/json/additionalProperties' → the properties of that object schema.
  const parts = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = schema;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties).filter((k) => k !== '$schema') : [];
}

function article(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}
