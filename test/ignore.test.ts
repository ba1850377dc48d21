// Ignore files: .empathyignore, --ignore-path, --ignore-pattern and --no-ignore, and how findFiles uses them.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFiles } from '../src/api/files.js';
import { ignoredFileWarning, loadIgnore } from '../src/api/ignore.js';
import { writeTree } from './helpers/tree.js';

const made: string[] = [];
afterAll(() => {
  for (const folder of made) rmSync(folder, { recursive: true, force: true });
});

/** A temporary project: `files` maps relative paths to their text. */
function project(files: Record<string, string>): string {
  const root = writeTree(files, 'empathy-ignore-');
  made.push(root);
  return root;
}

const MACRO = 'Hi {{ticket.requester.first_name}},\n\nThanks for writing in.\n';

const IGNORE_FILE = [
  '# drafts are not ready for review',
  'drafts/',
  '',
  '*.old.md',
  '!keep.old.md',
  '/top-only.md',
  'archive/2023/**',
  '\\#hash.md',
].join('\n');

describe('loadIgnore', () => {
  const root = project({ '.empathyignore': IGNORE_FILE });

  it.each([
    ['drafts/refund.md', true, 'a directory pattern ignores the files under it'],
    ['macros/drafts/refund.md', true, 'a directory pattern without a slash at its start matches at any depth'],
    ['drafts.md', false, 'a directory pattern does not match a file of that name'],
    ['macros/late.old.md', true, 'a glob matches in nested folders'],
    ['keep.old.md', false, 'a negation re-includes a file'],
    ['macros/keep.old.md', false, 'a negation re-includes a file at any depth'],
    ['drafts/keep.old.md', true, 'a file cannot be re-included when its folder is ignored (as in git)'],
    ['top-only.md', true, 'a leading slash anchors the pattern at the root'],
    ['macros/top-only.md', false, 'an anchored pattern does not match deeper'],
    ['archive/2023/q1/late.md', true, 'a ** pattern reaches nested paths'],
    ['archive/2024/late.md', false, 'a sibling folder is not ignored'],
    ['# drafts are not ready for review', false, 'a comment is not a pattern'],
    ['#hash.md', true, 'an escaped # is a pattern, not a comment'],
    ['refund.md', false, 'other files are linted'],
  ])('%s → %s (%s)', async (relative, ignored) => {
    const filter = await loadIgnore({ cwd: root });
    expect(filter.ignores(path.join(root, relative))).toBe(ignored);
  });

  it('never ignores paths outside the project root, nor the root itself', async () => {
    const filter = await loadIgnore({ cwd: path.join(root, 'inner'), patterns: ['*', '**/*.md'] });
    expect(filter.ignores(path.join(root, 'inner/a.md'))).toBe(true);
    expect(filter.ignores(path.join(root, 'a.md'))).toBe(false);
    expect(filter.ignores(path.join(root, 'drafts/a.md'))).toBe(false);
    expect(filter.ignores(path.join(tmpdir(), 'elsewhere/a.md'))).toBe(false);
    expect(filter.ignores(path.join(root, 'inner'))).toBe(false);
    expect(filter.ignores(path.join(root, 'inner-not/a.md'))).toBe(false); // a sibling whose name starts alike
  });

  it('is fine without a .empathyignore, and reads one with a byte order mark and CRLF line ends', async () => {
    const bare = project({ 'a.md': MACRO });
    expect((await loadIgnore({ cwd: bare })).ignores(path.join(bare, 'a.md'))).toBe(false);
    const windows = project({ '.empathyignore': '\uFEFFa.md\r\nb/\r\n' });
    const filter = await loadIgnore({ cwd: windows });
    expect(filter.ignores(path.join(windows, 'a.md'))).toBe(true);
    expect(filter.ignores(path.join(windows, 'b/c.md'))).toBe(true);
  });

  it('--ignore-path uses that file instead of .empathyignore, its patterns relative to the project root', async () => {
    const folder = project({ '.empathyignore': 'a.md\n', 'config/lint.ignore': 'b.md\n/c.md\n' });
    const filter = await loadIgnore({ cwd: folder, ignorePath: 'config/lint.ignore' });
    expect(filter.ignores(path.join(folder, 'a.md'))).toBe(false);
    expect(filter.ignores(path.join(folder, 'b.md'))).toBe(true);
    expect(filter.ignores(path.join(folder, 'c.md'))).toBe(true);
    expect(filter.ignores(path.join(folder, 'config/c.md'))).toBe(false);
    const absolute = await loadIgnore({ cwd: folder, ignorePath: path.join(folder, 'config/lint.ignore') });
    expect(absolute.ignores(path.join(folder, 'b.md'))).toBe(true);
  });

  it('a missing --ignore-path file is an error of one line; an unreadable one too', async () => {
    const folder = project({});
    const missing = (await loadIgnore({ cwd: folder, ignorePath: 'nope.ignore' }).catch((e: Error) => e)) as Error;
    expect(missing).toBeInstanceOf(Error);
    expect(missing.message).toBe(`${path.join(folder, 'nope.ignore')}: ignore file not found`);
    mkdirSync(path.join(folder, 'a-folder'));
    const error = (await loadIgnore({ cwd: folder, ignorePath: 'a-folder' }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(new RegExp(`^${path.join(folder, 'a-folder').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}: could not read the ignore file: [^\\n]+$`));
  });

  it('--ignore-pattern adds to the ignore file, in order, so a pattern can re-include', async () => {
    const folder = project({ '.empathyignore': 'drafts/*.md\n' });
    const filter = await loadIgnore({ cwd: folder, patterns: ['*.tmp.md', '!drafts/ready.md'] });
    expect(filter.ignores(path.join(folder, 'drafts/wip.md'))).toBe(true);
    expect(filter.ignores(path.join(folder, 'drafts/ready.md'))).toBe(false);
    expect(filter.ignores(path.join(folder, 'macros/x.tmp.md'))).toBe(true);
    const withPath = await loadIgnore({ cwd: folder, ignorePath: '.empathyignore', patterns: ['x.md'] });
    expect(withPath.ignores(path.join(folder, 'drafts/wip.md'))).toBe(true);
    expect(withPath.ignores(path.join(folder, 'x.md'))).toBe(true);
  });

  it('enabled: false (--no-ignore) ignores nothing and reads no file, not even a missing --ignore-path', async () => {
    const filter = await loadIgnore({ cwd: root, ignorePath: 'nope.ignore', patterns: ['*'], enabled: false });
    expect(filter.ignores(path.join(root, 'drafts/refund.md'))).toBe(false);
    expect(filter.ignores(path.join(root, 'refund.md'))).toBe(false);
  });

  it('gives the warning an ignored file named on the command line gets', () => {
    expect(ignoredFileWarning()).toEqual({
      ruleId: null,
      severity: 'warn',
      message: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it anyway.',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    });
    expect(ignoredFileWarning()).not.toBe(ignoredFileWarning()); // a fresh object each time: results may be changed
  });
});

describe('findFiles with an ignore filter', () => {
  const root = project({
    '.empathyignore': 'drafts/\n*.old.md\n!keep.old.md\n',
    'macros/refund.md': MACRO,
    'macros/late.old.md': MACRO,
    'macros/keep.old.md': MACRO,
    'macros/drafts/wip.md': MACRO,
    'drafts/a.md': MACRO,
    'drafts/b.json': '{}',
    'node_modules/pkg/readme.md': MACRO,
  });
  const at = (...names: string[]) => names.map((name) => path.join(root, name));

  it('skips ignored files inside folders and globs without a word', async () => {
    const filter = await loadIgnore({ cwd: root });
    expect(await findFiles(['.'], root, filter)).toEqual({
      files: at('macros/keep.old.md', 'macros/refund.md'),
      unmatched: [],
      ignoredExplicit: [],
      allIgnored: [],
    });
    expect((await findFiles(['macros/**/*.md'], root, filter)).files).toEqual(at('macros/keep.old.md', 'macros/refund.md'));
    expect((await findFiles([], root, filter)).files).toEqual(at('macros/keep.old.md', 'macros/refund.md'));
  });

  it('reports a file named on the command line that is ignored, and does not lint it', async () => {
    const filter = await loadIgnore({ cwd: root });
    expect(await findFiles(['drafts/a.md', 'macros/late.old.md', 'macros/refund.md', './drafts/a.md'], root, filter)).toEqual({
      files: at('macros/refund.md'),
      unmatched: [],
      ignoredExplicit: at('drafts/a.md', 'macros/late.old.md'),
      allIgnored: [],
    });
  });

  it('keeps a folder or glob whose every match is ignored apart from one that matched nothing', async () => {
    const filter = await loadIgnore({ cwd: root });
    expect(await findFiles(['drafts', 'drafts/*.md', 'macros/*.old.md', 'nothing-here', 'macros/*.txt'], root, filter)).toEqual({
      files: at('macros/keep.old.md'),
      unmatched: ['nothing-here', 'macros/*.txt'],
      ignoredExplicit: [],
      allIgnored: ['drafts', 'drafts/*.md'],
    });
  });

  it('with --no-ignore, or no filter at all (older callers), lints everything but node_modules', async () => {
    const everything = at('drafts/a.md', 'drafts/b.json', 'macros/drafts/wip.md', 'macros/keep.old.md', 'macros/late.old.md', 'macros/refund.md');
    const off = await loadIgnore({ cwd: root, enabled: false });
    expect(await findFiles(['.'], root, off)).toEqual({ files: everything, unmatched: [], ignoredExplicit: [], allIgnored: [] });
    expect((await findFiles(['.'], root)).files).toEqual(everything);
    expect((await findFiles(['drafts/a.md'], root)).files).toEqual(at('drafts/a.md'));
  });

  it('--ignore-pattern and --ignore-path work through findFiles too', async () => {
    const filter = await loadIgnore({ cwd: root, ignorePath: 'missing-is-not-read.ignore', enabled: false });
    expect((await findFiles(['drafts'], root, filter)).files).toEqual(at('drafts/a.md', 'drafts/b.json'));
    const patterns = await loadIgnore({ cwd: root, patterns: ['*.json', 'macros/'] });
    expect(await findFiles(['.', 'macros/refund.md'], root, patterns)).toEqual({
      files: [],
      unmatched: [],
      ignoredExplicit: at('macros/refund.md'),
      allIgnored: ['.'],
    });
  });

  it('never ignores a file outside the project root, even named explicitly', async () => {
    const other = project({ 'drafts/outside.md': MACRO });
    const filter = await loadIgnore({ cwd: root, patterns: ['*'] });
    const outside = path.join(other, 'drafts/outside.md');
    expect(await findFiles([outside, other], root, filter)).toEqual({ files: [outside], unmatched: [], ignoredExplicit: [], allIgnored: [] });
  });
});
