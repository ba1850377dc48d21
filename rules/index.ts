// The built-in rules. The engine knows none of them by name; it only runs what this list hands it.
import type { AnyRule } from '../src/engine/rule.js';
import acknowledgeBeforeSolving from './acknowledge-before-solving.js';
import apologyNeedsAction from './apology-needs-action.js';
import avoidBlame from './avoid-blame.js';
import collaborativeLanguage from './collaborative-language.js';
import noDeflection from './no-deflection.js';
import noDismissive from './no-dismissive.js';
import noMinimizing from './no-minimizing.js';
import noRoboticPhrases from './no-robotic-phrases.js';
import noShouting from './no-shouting.js';
import offerNextStep from './offer-next-step.js';
import positiveLanguage from './positive-language.js';
import readableSentences from './readable-sentences.js';
import thankForFeedback from './thank-for-feedback.js';
import useNamePlaceholder from './use-name-placeholder.js';
import validPlaceholders from './valid-placeholders.js';
import vocabulary from './vocabulary.js';

export const builtinRules: readonly AnyRule[] = [
  acknowledgeBeforeSolving,
  apologyNeedsAction,
  avoidBlame,
  collaborativeLanguage,
  noDeflection,
  noDismissive,
  noMinimizing,
  noRoboticPhrases,
  noShouting,
  offerNextStep,
  positiveLanguage,
  readableSentences,
  thankForFeedback,
  useNamePlaceholder,
  validPlaceholders,
  vocabulary,
];
