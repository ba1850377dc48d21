// Which sentences tell the customer to do something. Shared by the rules that need to know where a
// reply gets to the solution (acknowledge-before-solving, no-minimizing, offer-next-step, …).
import type { MacroDocument, Sentence } from '../../src/engine/document.js';
import { startWords, type PhraseEntry } from '../../src/engine/phrases.js';
import data from './instructions.json' with { type: 'json' };
import { containsPhrase, phraseAtStart } from './text.js';

const phrase = (words: readonly string[]): PhraseEntry[] => [{ match: words }];
const conditionalOpeners = phrase(data.conditionalOpeners);
const requestOpeners = phrase(data.requestOpeners);
const modalOpeners = phrase(data.modalOpeners);
const conditionalMarkers = phrase(data.conditionalMarkers);
const notInstructions: PhraseEntry[] = data.notInstructions;
const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
/** Base forms of verbs that tell someone to act: "click", "send", "reset", … */
export const instructionVerbs = lower(data.instructionVerbs);
const verbsBeforeIngWords = lower(data.verbsBeforeIngWords);
const contactVerbs = lower(data.contactVerbs);
const objects = new Set(data.imperativeObjects);
const fillers = new RegExp(`^(?:(?:${data.fillerOpeners.join('|')})\\b[,:]?\\s+)+`, 'i');
/** "Hi {{name}}, please …": what comes after the greeting is the instruction. */
const greetingLead = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!:\n]{0,60}[,!:—-]\s*/i;
/** "To reset your password, click …" */
const purposeLead = /^to [^,.!?]{1,80},\s*/i;

/** The words a request or modal opener starts with ("please", "could", "you"), worked out on first use. */
let openerWords: ReadonlySet<string> | undefined | null = null;
const LEAD_WORD = /^[\p{L}\p{N}]+/u;

/** Several rules ask of the same sentences: each is read once. */
const instructionCache = new WeakMap<Sentence, boolean>();

/** An imperative, a polite request or "you can/need to …" followed by an action, at the start of a clause. */
export function isInstruction(doc: MacroDocument, sentence: Sentence): boolean {
  let answer = instructionCache.get(sentence);
  if (answer === undefined) {
    answer = readsAsInstruction(doc, sentence);
    instructionCache.set(sentence, answer);
  }
  return answer;
}

function readsAsInstruction(doc: MacroDocument, sentence: Sentence): boolean {
  const masked = maskPlaceholders(doc, sentence);
  let text = masked.slice(greetingLeadLength(masked)).replace(purposeLead, '').replace(fillers, '');
  // Only an opener or an instruction verb can make it one: most sentences start with neither.
  if (openerWords === null) {
    const request = startWords(requestOpeners);
    const modal = startWords(modalOpeners);
    openerWords = request && modal ? new Set([...request, ...modal]) : undefined;
  }
  if (openerWords && !openerWords.has(LEAD_WORD.exec(text)?.[0].toLowerCase() ?? '') && !instructionVerbs.has(firstToken(text))) return false;
  if (phraseAtStart(text, conditionalOpeners)) return false;
  const inList = doc.blocks[sentence.block]!.kind === 'listItem';
  const opener = phraseAtStart(text, requestOpeners) ?? phraseAtStart(text, modalOpeners);
  if (opener !== undefined) text = text.slice(opener).trimStart().replace(fillers, '');
  // Well-wishes and waiting times read like imperatives: "Keep the ideas coming!", "Please allow 3–5 days…".
  if (phraseAtStart(text, notInstructions) !== undefined) return false;
  const [verb, rawNext, third] = text.split(/\s+/, 3);
  // "Log in, then…": the comma belongs to the sentence, not the word.
  const next = rawNext?.replace(/[,;:.!?]+$/, '');
  const verbLower = firstToken(text);
  if (!verbLower || !instructionVerbs.has(verbLower)) return false;
  // "Reply here if anything else comes up" is the same closer as "If anything else comes up, reply here".
  if (contactVerbs.has(verbLower) && containsPhrase(text, conditionalMarkers)) return false;
  if (opener !== undefined || inList) return true;
  // A bare imperative: the verb must be followed by what it acts on, so nouns ("Return labels are…") pass.
  if (next === undefined) return false;
  const verbEnd = sentence.start + masked.length - text.length + verb!.length;
  return (
    objects.has(next.toLowerCase()) ||
    // "Press and hold the button", "Restart then reconnect": two steps joined.
    (/^(?:and|then)$/i.test(next) && third !== undefined && instructionVerbs.has(third.toLowerCase())) ||
    /^[*_"“{[<\uFFFC]/.test(next) ||
    startsFormatted(doc, verbEnd) ||
    // Only verbs that are never nouns here: "Try restarting…", "Enable billing alerts", never "Return shipping is free".
    (verbsBeforeIngWords.has(verbLower) && /ing$/i.test(next))
  );
}

/** The text's first word as the verb is read: up to the first white space, emphasis marks left out, in lower case. */
function firstToken(text: string): string {
  return text.split(/\s+/, 1)[0]!.replace(/[*_]/g, '').toLowerCase();
}

/** Length of a greeting that opens the sentence ("Hi {{name}}, "), 0 if none. */
export function greetingLength(doc: MacroDocument, sentence: Sentence): number {
  return greetingLeadLength(maskPlaceholders(doc, sentence));
}

function greetingLeadLength(masked: string): number {
  return greetingLead.exec(masked)?.[0].length ?? 0;
}

/**
 * The sentence with each placeholder kept as one braced token of the same length, so a `{{a.b}}` in a
 * greeting does not read as the end of it and offsets still line up with `sentence.text`.
 */
function maskPlaceholders(doc: MacroDocument, sentence: Sentence): string {
  let text = sentence.text;
  for (const p of doc.placeholders) {
    if (p.start < sentence.start || p.end > sentence.end || p.end - p.start < 2) continue;
    const at = p.start - sentence.start;
    text = text.slice(0, at) + '{' + 'x'.repeat(p.end - p.start - 2) + '}' + text.slice(p.end - sentence.start);
  }
  return text;
}

/**
 * Whether the word after `offset` (the end of the verb) opens with markup the format adapter dropped:
 * "Open **Settings**", "Click [here](…)" name a UI label or link. A line break in between is not
 * markup: a soft wrap inside a block quote also drops the `> ` prefix.
 */
function startsFormatted(doc: MacroDocument, offset: number): boolean {
  const gap = /^\s+/.exec(doc.text.slice(offset, offset + 8))?.[0] ?? '';
  if (gap === '' || gap.includes('\n')) return false;
  return !doc.mapped.toSource([offset, offset + gap.length + 1]).verbatim;
}

