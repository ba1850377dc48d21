// Zendesk macros: `{"macros":[…]}` (API list or export), `{"macro":{…}}`, or a bare array of macros.
// A macro's customer-facing text lives in its actions: `comment_value` (a string, or an array like
// ["channel:all", "text"]) and `subject`.
import type { Node } from 'jsonc-parser';
import { elements, property, scalar, type HelpdeskFormat, type MacroLocation } from '../json.js';

const isMacro = (node: Node | undefined): node is Node => property(node, 'actions')?.type === 'array';

export const zendesk: HelpdeskFormat = {
  name: 'zendesk',
  detect(root) {
    const list = property(root, 'macros');
    if (list?.type === 'array' && elements(list).every(isMacro)) return elements(list).map((m, i) => locate(m, `/macros/${i}`));
    const single = property(root, 'macro');
    if (isMacro(single)) return [locate(single, '/macro')];
    if (root.type === 'array' && elements(root).length > 0 && elements(root).every(isMacro)) {
      return elements(root).map((m, i) => locate(m, `/${i}`));
    }
    return undefined;
  },
};

function locate(macro: Node, pointer: string): MacroLocation {
  const location: MacroLocation = { pointer, bodies: [] };
  const id = scalar(property(macro, 'id'));
  const title = scalar(property(macro, 'title'));
  if (id !== undefined) location.id = id;
  if (title !== undefined) location.title = title;
  for (const action of elements(property(macro, 'actions'))) {
    const field = scalar(property(action, 'field'));
    const value = property(action, 'value');
    if (field === 'subject' && value?.type === 'string') location.bodies.push({ node: value, kind: 'subject' });
    if (field === 'comment_value') {
      // ["channel:all", "text"]: the text is the last string.
      const text = value?.type === 'array' ? elements(value).filter((n) => n.type === 'string').at(-1) : value;
      if (text?.type === 'string') location.bodies.push({ node: text, kind: 'markdown' });
    }
  }
  return location;
}
