// Zendesk macros: {"macros":[…]} (API list or export), {"macro":{…}}, or a bare array of macros.
// A macro's customer-facing text lives in its actions: `comment_value` (a string, or an array like
// ["channel:all", "text"]), `comment_value_html`, and `subject`.
import type { Node } from 'jsonc-parser';
import { elements, itemsOf, macroAt, property, scalar, type HelpdeskFormat, type MacroLocation } from '../json.js';

const isMacro = (node: Node | undefined): node is Node => property(node, 'actions')?.type === 'array';

export const zendesk: HelpdeskFormat = {
  name: 'zendesk',
  detect(root) {
    const single = property(root, 'macro');
    const items: [Node, string][] | undefined = isMacro(single) ? [[single, '/macro']] : itemsOf(root, [['macros']], isMacro);
    return items?.map(([node, pointer]) => {
      const location = macroAt(node, pointer, { title: 'title' }, bodiesOf(node));
      if (isInternalNote(node)) location.internal = true;
      return location;
    });
  },
};

/** `{"field": "comment_mode_is_public", "value": false}` (or "false") makes the comment an internal note. */
function isInternalNote(macro: Node): boolean {
  return elements(property(macro, 'actions')).some(
    (action) => scalar(property(action, 'field')) === 'comment_mode_is_public' && ['false', '0'].includes(String(property(action, 'value')?.value)),
  );
}

function bodiesOf(macro: Node): MacroLocation['bodies'] {
  const bodies: MacroLocation['bodies'] = [];
  for (const action of elements(property(macro, 'actions'))) {
    const field = scalar(property(action, 'field'));
    let value = property(action, 'value');
    // ["channel:all", "text"]: the text is the last string.
    if (value?.type === 'array') value = elements(value).filter((n) => n.type === 'string').at(-1);
    if (value?.type !== 'string') continue;
    if (field === 'subject') bodies.push({ node: value, kind: 'subject' });
    else if (field === 'comment_value') bodies.push({ node: value, kind: 'markdown' });
    else if (field === 'comment_value_html') bodies.push({ node: value, kind: 'html' });
  }
  return bodies;
}
