// The built-in rules. The engine knows none of them by name; it only runs what this list hands it.
import type { AnyRule } from '../src/engine/rule.js';
import acknowledgeBeforeSolving from './acknowledge-before-solving.js';
import avoidBlame from './avoid-blame.js';
import useNamePlaceholder from './use-name-placeholder.js';

export const builtinRules: readonly AnyRule[] = [acknowledgeBeforeSolving, avoidBlame, useNamePlaceholder];
