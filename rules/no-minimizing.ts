// Flags wording that makes the customer's problem or effort sound trivial: "just click", "simply upload", "it's easy".
// Someone who is stuck hears "it's easy" as "you should have managed"; plain steps respect the effort they've made.
import type { MacroDocument, Sentence } from '../src/engine/document.js';
import type { PhraseEntry, PhraseHit } from '../src/engine/phrases.js';
import { defineRule } from '../src/engine/rule.js';
import type { Fix, Range, Report, Suggestion } from '../src/engine/types.js';
import data from './no-minimizing.phrases.json' with { type: 'json' };
import { greetingLength, instructionVerbs, isInstruction } from './shared/instructions.js';
import { phraseAtStart } from './shared/text.js';

interface MinimizingEntry extends PhraseEntry {
  advice: string;
  /** Adverbs: may also stand alone before a clause ("Obviously, the link…"). */
  sentenceAdverb?: boolean;
  /** Phrases: what must follow for the wording to trivialise a step rather than describe something. */
  requires?: 'obligationAfter' | 'youCanStep' | 'stepAfter' | 'stepOrInstructionNext';
  /** Phrases: the match must open its clause ("Resetting it is easy", not "…which is easy"). */
  clauseStart?: boolean;
  suggest?: 'remove' | 'nextStep';
}

const adverbs = data.adverbs as MinimizingEntry[];
const phrases = data.phrases as MinimizingEntry[];
const notSteps: PhraseEntry[] = data.notSteps;
const leadIns: PhraseEntry[] = data.leadIns;
const steps = new Set([...instructionVerbs, ...data.moreInstructionVerbs]);
const pastLikeBase = new Set(data.pastLikeBase);
const notEasyTo = new Set(data.notEasyTo);
const permissionVerbs = new Set(data.permissionVerbs);
const byLength = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
const CONNECTORS = new RegExp(`^(?:(?:${byLength(data.connectors)})\\b[\\s,]*)+`, 'i');
const CLAUSE_BREAK = /[,;:(—–…]|\s-\s/;
/** Where "just click" is a step said to the customer: "you just click", "you can simply select". */
const YOU_STEP = /^you(?:\s+(?:can|could|should|will|would|may|might|must)|['’](?:ll|d))?(?:\s+(?:also|then|always))?$/i;
/** Before "need to" / "have to": "you just need to", "you'll simply have to". */
const YOU_NEED = /^you(?:['’](?:ll|d)|\s+(?:will|would|may|might))?$/i;
const YOU_CAN = /^you(?:\s+(?:can|could)|(?:['’]ll|\s+will|\s+should)\s+be\s+able\s+to)(?:\s+(?:also|then))?$/i;
const NEED_TO = /^\s+(?:need|have|got|want)\s+to\s+/i;
const YOU_MUST = /^you(?:['’]ll|\s+will)?\s+(?:need\s+to|have\s+to|must|should)\s+/i;
const AGENT_CLAUSE = /\b(?:I|we|I['’]m|we['’]re|I['’]ve|we['’]ve|I['’]ll|we['’]ll|I['’]d|we['’]d|our|us|my|me|not|sorry|apologi[sz]e)\b|n['’]t\b|frustrat|disappoint/i;
const NEXT_WORD = /^(\s+)(please\s+)?(\p{L}+(?:-\p{L}+)?)/iu;

export default defineRule({
  meta: {
    id: 'no-minimizing',
    description: "Words that make the customer's problem or effort sound trivial",
    docs: 'docs/rules/no-minimizing.md',
    category: 'tone',
    defaultSeverity: 'warn',
    fixable: true,
    hasSuggestions: true,
    messages: {
      minimizing: '"{{actual}}" makes this sound trivial, which can feel dismissive to a customer who is stuck or upset. {{advice}}',
    },
  },
  check(doc, report) {
    for (const hit of doc.findPhrases(adverbs)) checkAdverb(doc, hit, report);
    for (const hit of doc.findPhrases(phrases)) checkPhrase(doc, hit, report);
  },
});

/** "just", "simply", "obviously", "clearly": only as a step's lead-in; "I just checked" or "clearly visible" pass. */
function checkAdverb(doc: MacroDocument, hit: PhraseHit<MinimizingEntry>, report: Report): void {
  const [start, end] = hit.range;
  const after = doc.text.slice(end);
  const tail = clauseTail(doc, start);
  const found = { actual: hit.actual, advice: hit.entry.advice };
  const next = NEXT_WORD.exec(after);
  if (next && isStepAt(after.slice(next[1]!.length + (next[2]?.length ?? 0)))) {
    const verb = next[3]!.toLowerCase();
    const imperative = tail.kind === 'imperative';
    // "You just reset your password, so…" tells what happened; "so you can just sign in" is the fix, not a step.
    // "You can simply keep the old one" grants a wish.
    const youStep =
      tail.kind === 'you' &&
      YOU_STEP.test(tail.text) &&
      !(/^you$/i.test(tail.text) && pastLikeBase.has(verb)) &&
      !(/\b(?:can|could)$/i.test(tail.text) && permissionVerbs.has(verb));
    if (!imperative && !youStep) return;
    const fix = removeWord(doc, start, end + next[1]!.length);
    if (next[2]) report({ messageId: 'minimizing', data: found, range: hit.range, suggestions: [{ desc: 'Remove "{{actual}}"', fix }] });
    else report({ messageId: 'minimizing', data: found, range: hit.range, fix });
    return;
  }
  const need = NEED_TO.exec(after);
  if (need && tail.kind === 'you' && YOU_NEED.test(tail.text) && !startsWithAny(after.slice(need[0].length), notSteps)) {
    report({ messageId: 'minimizing', data: found, range: hit.range, fix: removeWord(doc, start, end + /^\s+/.exec(after)![0].length) });
    return;
  }
  // "Obviously, the link only works once", "Obviously you'll need to…". Not when the clause is about us or owns a problem.
  if (hit.entry.sentenceAdverb && tail.kind === 'imperative' && (/^,\s/.test(after) || YOU_MUST.test(after.trimStart()))) {
    const sentence = doc.sentenceAt(start);
    const rest = doc.text.slice(end, sentence?.end ?? end);
    if (AGENT_CLAUSE.test(rest)) return;
    report({ messageId: 'minimizing', data: found, range: hit.range, suggestions: removal(doc, hit) });
  }
}

function checkPhrase(doc: MacroDocument, hit: PhraseHit<MinimizingEntry>, report: Report): void {
  const { entry } = hit;
  const [start, end] = hit.range;
  if (entry.clauseStart && clauseTail(doc, start).kind !== 'imperative') return;
  if (entry.requires && !meetsRequirement(doc, entry.requires, start, end)) return;
  const suggestions = entry.suggest === 'nextStep' ? nextStep(doc, hit) : entry.suggest === 'remove' ? removal(doc, hit) : [];
  report({ messageId: 'minimizing', data: { actual: hit.actual, advice: entry.advice }, range: hit.range, suggestions });
}

function meetsRequirement(doc: MacroDocument, requires: NonNullable<MinimizingEntry['requires']>, start: number, end: number): boolean {
  const after = doc.text.slice(end);
  switch (requires) {
    case 'obligationAfter': {
      // Only an obligation: "Of course, you'll need to sign in first" / "You'll of course need to…". Before a plain
      // imperative it usually grants a request ("Of course, keep the old one"), and "Of course, I've…" is a warm yes.
      const tail = clauseTail(doc, start);
      if (tail.kind === 'you' && YOU_NEED.test(tail.text)) return NEED_TO.test(after);
      if (tail.kind !== 'imperative') return false;
      const must = YOU_MUST.exec(after.replace(/^,?\s+/, ''));
      return must !== null && !startsWithAny(after.replace(/^,?\s+/, '').slice(must[0].length), notSteps);
    }
    case 'youCanStep': {
      const tail = clauseTail(doc, start);
      return tail.kind === 'you' && YOU_CAN.test(tail.text) && isStepAt(after.replace(/^\s+/, ''));
    }
    case 'stepAfter':
      return easyToStep(after);
    case 'stepOrInstructionNext':
      return easyToStep(after) || instructionFollows(doc, end);
  }
}

/** "…easy to reset your password", not "easy to miss" or "easy to get confused". */
function easyToStep(after: string): boolean {
  const m = /^\s+to\s+(\p{L}+)/u.exec(after);
  if (!m || notEasyTo.has(m[1]!.toLowerCase()) || !isStepAt(after.slice(m[0].length - m[1]!.length))) return false;
  // "It's easy to cancel by mistake" sympathises with a slip.
  const clause = after.slice(m[0].length).split(/[.!?;:,—–]/, 1)[0]!;
  return !/\b(?:by (?:mistake|accident)|accidentally|without (?:noticing|reali[sz]ing|meaning to))\b/i.test(clause);
}

/** "It's easy: just click…", "Downgrading is simple. Go to **Billing**…": the claim introduces steps. */
function instructionFollows(doc: MacroDocument, end: number): boolean {
  const punctuation = /^\s*(?:[.!:;,—–]|\s-\s)\s*/.exec(doc.text.slice(end));
  if (!punctuation) return false;
  const sentence = doc.sentenceAt(end - 1);
  if (!sentence) return false;
  const restStart = end + punctuation[0].length;
  if (restStart < sentence.end) {
    const rest: Sentence = { start: restStart, end: sentence.end, text: doc.text.slice(restStart, sentence.end), block: sentence.block };
    // After "easy:" a bare verb is a step even without an object ("open Billing"), unless it is a subject ("return shipping is…").
    const subject = /^\s*\p{L}+\s+\p{L}+\s+(?:is|are|was|were|will|has|have)\b/iu.test(rest.text);
    return leadsToSteps(doc, rest) || (!subject && isStepAt(rest.text));
  }
  const following = doc.sentences.find((s) => s.start >= sentence.end);
  return following !== undefined && leadsToSteps(doc, following);
}

function leadsToSteps(doc: MacroDocument, sentence: Sentence): boolean {
  const text = sentence.text.replace(/^(?:just|simply)\s+/i, '');
  return isInstruction(doc, sentence) || startsWithAny(sentence.text, leadIns) || (text !== sentence.text && isStepAt(text));
}

/** A step verb at the start of `text` ("click the link"), not a way of getting in touch ("reply here"). */
function isStepAt(text: string): boolean {
  const verb = /^\p{L}+(?:-\p{L}+)?/u.exec(text)?.[0].toLowerCase();
  return verb !== undefined && steps.has(verb) && !startsWithAny(text, notSteps);
}

function startsWithAny(text: string, entries: readonly PhraseEntry[]): boolean {
  return phraseAtStart(text.replace(/^\s+/, '').slice(0, 60), entries) !== undefined;
}

type ClauseTail = { kind: 'imperative' } | { kind: 'you'; text: string } | { kind: 'other' };

/**
 * What stands before `at` in its clause. Nothing but connectors ("and", "then", "please") means an
 * imperative can start here; so does "and" after a clause that is itself a step ("Open the app and just tap…").
 */
function clauseTail(doc: MacroDocument, at: number): ClauseTail {
  const sentence = doc.sentenceAt(at);
  const before = doc.text.slice(sentence?.start ?? at, at);
  const raw = before.split(CLAUSE_BREAK).pop()!.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  const text = raw.replace(CONNECTORS, '').trim();
  if (text === '') return { kind: 'imperative' };
  const joined = /^(.+?)\s+(?:and|then|and then|or)$/i.exec(text);
  if (joined && isStepAt(joined[1]!.replace(/^(?:please|kindly)\s+/i, ''))) return { kind: 'imperative' };
  // "…, so you can just sign in" and "now you can simply…" describe the result of a fix, not a step.
  if (/^(?:so|now)\b/i.test(raw)) return { kind: 'other' };
  return /^you\b/i.test(text) ? { kind: 'you', text } : { kind: 'other' };
}

/** Drops the word and the space after it; a capital moves to the next word ("Simply upload" → "Upload"). */
function removeWord(doc: MacroDocument, start: number, nextStart: number): Fix {
  const first = doc.text[start]!;
  const nextChar = doc.text[nextStart] ?? '';
  if (first !== first.toLowerCase() && nextChar !== nextChar.toUpperCase()) {
    return { range: [start, nextStart + 1], text: nextChar.toUpperCase() };
  }
  return { range: [start, nextStart], text: '' };
}

/** Removes a phrase with its comma: "Obviously, the link…" → "The link…", "Refunds, as you know, take…" → "Refunds take…". */
function removal(doc: MacroDocument, hit: PhraseHit): Suggestion[] {
  const [start, end] = hit.range;
  const sentence = doc.sentenceAt(start);
  const before = doc.text.slice(sentence?.start ?? start, start);
  const after = doc.text.slice(end);
  const lead = /,[ \t]+$/.exec(before);
  const afterGreeting = sentence !== undefined && greetingLength(doc, sentence) === before.length;
  let range: Range | undefined;
  if (lead && after.startsWith(',') && !afterGreeting) range = [start - lead[0].length, end + 1];
  const gap = /^,?(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=[\p{L}\p{N}{"“‘(])/u.exec(after);
  const fix: Fix | undefined = range ? { range, text: '' } : gap ? removeWord(doc, start, end + gap[0].length) : undefined;
  return fix ? [{ desc: 'Remove "{{actual}}"', fix }] : [];
}

/** "All you have to do is print…" → "The next step is to print…". */
function nextStep(doc: MacroDocument, hit: PhraseHit): Suggestion[] {
  const [start, end] = hit.range;
  const next = /^\s+(to\s+)?\p{L}/u.exec(doc.text.slice(end));
  if (!next) return [];
  const capital = doc.text[start] !== doc.text[start]!.toLowerCase();
  let text = next[1] ? data.nextStep.replace(/\s+to$/, '') : data.nextStep;
  if (capital) text = text[0]!.toUpperCase() + text.slice(1);
  return [{ desc: `Replace "{{actual}}" with "${text}"`, fix: { range: [start, end], text } }];
}
