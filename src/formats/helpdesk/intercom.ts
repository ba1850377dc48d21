// Intercom saved replies and macros: {"id", "name", "body"} (HTML) or "text"; API lists under "data".
import type { Node } from 'jsonc-parser';
import { itemsOf, macroAt, property, type HelpdeskFormat } from '../json.js';

const bodyOf = (node: Node) => {
  const body = property(node, 'body') ?? property(node, 'text');
  return body?.type === 'string' ? body : undefined;
};
const isReply = (node: Node) => property(node, 'name')?.type === 'string' && bodyOf(node) !== undefined;

export const intercom: HelpdeskFormat = {
  name: 'intercom',
  detect(root) {
    // A bare {"name", "text"} is Help Scout's shape; Intercom is recognised by its "data" list or a "body".
    const items = itemsOf(root, [['data']], isReply);
    if (!items || (property(root, 'data') === undefined && !items.some(([node]) => property(node, 'body')))) return undefined;
    return items.map(([node, pointer]) => macroAt(node, pointer, { title: 'name' }, [{ node: bodyOf(node)!, kind: 'auto' }]));
  },
};
