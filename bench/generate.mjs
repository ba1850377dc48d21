#!/usr/bin/env node
// Deterministic generator of synthetic macro libraries for the benchmark.
//
//   node bench/generate.mjs --size 1000 [--seed 42]    prints the corpus folder
//
// A corpus of size N holds N Markdown macros (one file each, 80–250 words, spread over category
// subfolders), the same N macros as ONE Zendesk-style JSON export, and a copy of the first macro for
// cold-start runs:
//
//   bench/.work/corpus-g<version>-s<seed>-n<size>/
//     md/<category>/<nnnnn>-<slug>.md
//     zendesk/macros.json
//     single/one.md
//     corpus.json                    what was generated (written last: its presence means "complete")
//
// Same seed and size give byte-identical output. Each macro draws from its own PRNG seeded by
// (seed, index), so the 100-macro corpus is the first 100 macros of the 1,000-macro one.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import * as banks from './phrase-banks.mjs';

/** Bump when the generator or phrase-banks.mjs change, so old corpora are not reused. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 42;
export const WORK_DIR = path.join(import.meta.dirname, '.work');

const MIN_WORDS = 80;
const MAX_WORDS = 250;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, a tiny 32-bit PRNG. Math.random cannot be seeded, so it is never used.

function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A PRNG for one macro: mixing the index in (golden-ratio constant) keeps neighbouring streams apart. */
function macroRandom(seed, index) {
  return mulberry32(seed ^ Math.imul(index + 1, 0x9e3779b1));
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function chance(random, probability) {
  return random() < probability;
}

function intBetween(random, low, high) {
  return low + Math.floor(random() * (high - low + 1));
}

/** `count` distinct entries of `list`, in random order (partial Fisher–Yates on a copy). */
function pickDistinct(random, list, count) {
  const copy = [...list];
  const taken = [];
  for (let i = 0; i < count && copy.length > 0; i++) {
    const at = Math.floor(random() * copy.length);
    taken.push(copy.splice(at, 1)[0]);
  }
  return taken;
}

// ---------------------------------------------------------------------------------------------
// Building one macro.

function fillSlots(template, slots) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in slots ? slots[name] : whole));
}

function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

function kebab(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The slot values one macro uses: its topic's words plus one draw of each shared slot. */
function slotsFor(random, topic) {
  const slots = {
    item: topic.item,
    problem: topic.problem,
    action: topic.action,
    guide: topic.guide,
    guideName: topic.guide.replace(/-/g, ' '),
    articleId: String(intBetween(random, 360000000000, 360099999999)),
    name: banks.PLACEHOLDERS.name,
    ticketId: banks.PLACEHOLDERS.ticketId,
  };
  for (const [name, values] of Object.entries(banks.SHARED_SLOTS)) slots[name] = pick(random, values);
  return slots;
}

/** 0–2 sentences with the wording the rules look for; about half of the macros have some. */
function problemSentences(random, slots) {
  const count = chance(random, 0.5) ? (chance(random, 0.35) ? 2 : 1) : 0;
  const kinds = Object.keys(banks.PROBLEM_SENTENCES);
  const sentences = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(random, kinds);
    sentences.push(fillSlots(pick(random, banks.PROBLEM_SENTENCES[kind]), slots));
  }
  return sentences;
}

function numberedSteps(random, topic, slots) {
  const intro = fillSlots(pick(random, banks.STEP_INTROS), slots);
  const lines = topic.steps.map((step, i) => `${i + 1}. ${fillSlots(step, slots)}`);
  return `${intro}\n\n${lines.join('\n')}`;
}

/** Groups sentences into paragraphs of one to three sentences. */
function paragraphs(random, sentences) {
  const result = [];
  let rest = [...sentences];
  while (rest.length > 0) {
    const size = intBetween(random, 1, 3);
    result.push(rest.slice(0, size).join(' '));
    rest = rest.slice(size);
  }
  return result;
}

/**
 * The macro's body (what a helpdesk stores): greeting, opener, explanation, maybe steps and a link,
 * a next step and the sign-off. Explanation sentences are added until the body reaches a random
 * target length between MIN_WORDS and maxWords, never going past maxWords.
 */
function macroBody(random, topic, maxWords) {
  const slots = slotsFor(random, topic);
  const greeting = fillSlots(pick(random, banks.GREETINGS), slots);
  const opener = fillSlots(pick(random, banks.OPENERS), slots);
  const closing = fillSlots(pick(random, banks.CLOSINGS), slots);
  const signOff = `${pick(random, banks.SIGN_OFFS)}\n${banks.PLACEHOLDERS.agent}`;
  const steps = chance(random, 0.5) ? numberedSteps(random, topic, slots) : undefined;
  const link = chance(random, 0.5) ? fillSlots(pick(random, banks.LINK_SENTENCES), slots) : undefined;
  const problems = problemSentences(random, slots);

  const fixedWords = wordCount([greeting, opener, closing, signOff, steps ?? '', link ?? '', ...problems].join(' '));
  const target = intBetween(random, MIN_WORDS, maxWords);
  let words = fixedWords;
  const explanation = [];
  for (const sentence of pickDistinct(random, banks.EXPLANATIONS, banks.EXPLANATIONS.length)) {
    if (words >= target) break;
    const filled = fillSlots(sentence, slots);
    if (words + wordCount(filled) > maxWords) continue;
    explanation.push(filled);
    words += wordCount(filled);
  }
  // Problem sentences go at random places in the explanation, as they would in a real reply.
  for (const sentence of problems) explanation.splice(intBetween(random, 0, explanation.length), 0, sentence);

  const blocks = [greeting, opener, ...paragraphs(random, explanation)];
  if (steps) blocks.push(steps);
  if (link) blocks.push(link);
  blocks.push(closing, signOff);
  return blocks.join('\n\n');
}

function frontMatter(random, title, category) {
  const tags = pickDistinct(random, banks.FRONT_MATTER_TAGS, intBetween(random, 1, 3));
  const month = String(intBetween(random, 1, 12)).padStart(2, '0');
  const day = String(intBetween(random, 1, 28)).padStart(2, '0');
  return ['---', `title: ${title}`, `category: ${category}`, `tags: [${tags.join(', ')}]`, `updated: 2024-${month}-${day}`, '---'].join('\n');
}

/** One macro: where it goes, its title, the stored body and the Markdown file text. */
export function buildMacro(seed, index) {
  const random = macroRandom(seed, index);
  const category = pick(random, Object.keys(banks.CATEGORIES));
  const topic = pick(random, banks.CATEGORIES[category]);

  // The file may carry front matter and a heading around the body, as teams' macro repos often do.
  // They count towards the file's words, so the body gets what is left of MAX_WORDS.
  const parts = [];
  if (chance(random, 0.3)) parts.push(frontMatter(random, topic.title, category));
  if (chance(random, 0.4)) parts.push(`# ${topic.title}`);
  const body = macroBody(random, topic, MAX_WORDS - wordCount(parts.join(' ')));
  parts.push(body);
  const markdown = `${parts.join('\n\n')}\n`;

  const slug = `${String(index).padStart(5, '0')}-${kebab(topic.title)}`;
  return {
    id: 360010000000 + index,
    category,
    title: topic.title,
    relativePath: path.join(category, `${slug}.md`),
    body,
    markdown,
    active: chance(random, 0.9),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing a corpus.

export function corpusDir(seed, size) {
  return path.join(WORK_DIR, `corpus-g${GENERATOR_VERSION}-s${seed}-n${size}`);
}

/** The Zendesk export shape of fixtures/helpdesk/zendesk/macros.json, reduced to what a linter reads. */
function zendeskExport(macros) {
  const exported = macros.map((macro) => ({
    id: macro.id,
    title: `${macro.category[0].toUpperCase()}${macro.category.slice(1)}::${macro.title}`,
    active: macro.active,
    actions: [{ field: 'comment_value', value: macro.body }],
  }));
  return `${JSON.stringify({ macros: exported }, null, 2)}\n`;
}

function writeCorpus(folder, seed, size) {
  const macros = [];
  for (let index = 0; index < size; index++) macros.push(buildMacro(seed, index));

  let markdownBytes = 0;
  for (const macro of macros) {
    const file = path.join(folder, 'md', macro.relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, macro.markdown);
    markdownBytes += Buffer.byteLength(macro.markdown);
  }
  const exportText = zendeskExport(macros);
  mkdirSync(path.join(folder, 'zendesk'), { recursive: true });
  writeFileSync(path.join(folder, 'zendesk', 'macros.json'), exportText);
  mkdirSync(path.join(folder, 'single'), { recursive: true });
  writeFileSync(path.join(folder, 'single', 'one.md'), macros[0].markdown);

  const words = macros.map((macro) => wordCount(macro.markdown));
  const summary = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    size,
    categories: [...new Set(macros.map((macro) => macro.category))].sort(),
    markdownBytes,
    exportBytes: Buffer.byteLength(exportText),
    wordsPerFile: { min: Math.min(...words), max: Math.max(...words), mean: Math.round(words.reduce((a, b) => a + b, 0) / words.length) },
  };
  writeFileSync(path.join(folder, 'corpus.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/**
 * The corpus for (seed, size), generated only when it is missing. It is written into a temporary
 * folder and renamed into place, so an interrupted run never leaves a half corpus that looks complete.
 */
export function ensureCorpus(seed, size) {
  const folder = corpusDir(seed, size);
  const paths = {
    size,
    folder,
    markdownDir: path.join(folder, 'md'),
    exportFile: path.join(folder, 'zendesk', 'macros.json'),
    singleFile: path.join(folder, 'single', 'one.md'),
    categories: Object.keys(banks.CATEGORIES),
  };
  if (existsSync(path.join(folder, 'corpus.json'))) return { ...paths, generated: false };

  const temporary = `${folder}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  writeCorpus(temporary, seed, size);
  rmSync(folder, { recursive: true, force: true });
  renameSync(temporary, folder);
  return { ...paths, generated: true };
}

// ---------------------------------------------------------------------------------------------
// Command line.

function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '100' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
    },
  });
  const corpus = ensureCorpus(Number(values.seed), Number(values.size));
  process.stdout.write(`${corpus.folder}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
