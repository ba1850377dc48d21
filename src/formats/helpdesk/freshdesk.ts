// Freshdesk canned responses: {"id", "title", "content", "content_html", "folder_id"}, alone, in an
// array, or under a folder ("canned_responses"). The HTML body is preferred: it is what customers get.
import type { Node } from 'jsonc-parser';
import { itemsOf, macroAt, property, type HelpdeskFormat } from '../json.js';

const isResponse = (node: Node) =>
  property(node, 'title')?.type === 'string' && (property(node, 'content_html') ?? property(node, 'content'))?.type === 'string';

export const freshdesk: HelpdeskFormat = {
  name: 'freshdesk',
  detect(root) {
    return itemsOf(root, [['canned_responses']], isResponse)?.map(([node, pointer]) => {
      const html = property(node, 'content_html');
      const body = html?.type === 'string' ? { node: html, kind: 'html' as const } : { node: property(node, 'content')!, kind: 'auto' as const };
      return macroAt(node, pointer, { title: 'title' }, [body]);
    });
  },
};
