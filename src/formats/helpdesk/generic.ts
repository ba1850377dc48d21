// Any other JSON, described in config with JSON pointers (RFC 6901) and `*` wildcards:
//   "json": { "macros": "/replies", "title": "/name", "id": "/id", "body": ["/reply", "/actions/*/value"] }
// `macros` points at the list (or, with wildcards, at each macro); the others are relative to a macro.
import type { Node } from 'jsonc-parser';
import { elements, pointerPart, property, scalar, type HelpdeskFormat, type MacroLocation } from '../json.js';

export interface GenericJsonConfig {
  macros: string;
  title?: string;
  id?: string;
  body: string | string[];
}

export function genericFormat(config: GenericJsonConfig): HelpdeskFormat {
  return {
    name: 'generic',
    detect(root) {
      const found = resolve(root, config.macros, '');
      const macros = found.length === 1 && found[0]![0].type === 'array' ? elements(found[0]![0]).map((n, i): [Node, string] => [n, `${found[0]![1]}/${i}`]) : found;
      if (macros.length === 0) return undefined;
      return macros.map(([node, pointer]) => {
        const location: MacroLocation = { pointer, bodies: [] };
        const id = config.id ? scalar(resolve(node, config.id, '')[0]?.[0]) : undefined;
        const title = config.title ? scalar(resolve(node, config.title, '')[0]?.[0]) : undefined;
        if (id !== undefined) location.id = id;
        if (title !== undefined) location.title = title;
        for (const body of [config.body].flat()) {
          for (const [value] of resolve(node, body, '')) if (value.type === 'string') location.bodies.push({ node: value, kind: 'auto' });
        }
        return location;
      });
    },
  };
}

/** Every node a pointer reaches, `*` standing for each element of an array or each value of an object. */
function resolve(node: Node, pointer: string, base: string): [Node, string][] {
  if (pointer === '' || pointer === '/') return [[node, base]];
  const [head = '', ...rest] = pointer.replace(/^\//, '').split('/');
  const key = head.replace(/~1/g, '/').replace(/~0/g, '~');
  const next = rest.length > 0 ? `/${rest.join('/')}` : '';
  if (key === '*') {
    const children: [Node, string][] =
      node.type === 'array'
        ? elements(node).map((n, i) => [n, `${base}/${i}`])
        : node.type === 'object'
          ? (node.children ?? []).flatMap((pair) => (pair.children?.[1] ? [[pair.children[1], `${base}/${pointerPart(String(pair.children[0]!.value))}`] as [Node, string]] : []))
          : [];
    return children.flatMap(([child, at]) => resolve(child, next, at));
  }
  const child = node.type === 'array' ? elements(node)[Number(key)] : property(node, key);
  return child ? resolve(child, next, `${base}/${pointerPart(key)}`) : [];
}
