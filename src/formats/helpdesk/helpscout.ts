// Help Scout saved replies: {"id", "name", "text"}; API lists under "_embedded.replies".
import type { Node } from 'jsonc-parser';
import { itemsOf, macroAt, property, type HelpdeskFormat } from '../json.js';

const isReply = (node: Node) => property(node, 'name')?.type === 'string' && property(node, 'text')?.type === 'string';

export const helpscout: HelpdeskFormat = {
  name: 'helpscout',
  detect(root) {
    return itemsOf(root, [['_embedded', 'replies']], isReply)?.map(([node, pointer]) =>
      macroAt(node, pointer, { title: 'name' }, [{ node: property(node, 'text')!, kind: 'auto' }]),
    );
  },
};
