import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { xmlEscape } from '../../lib/report/diagram-svg';
import { messagesFor, type Lang } from '../../lib/report/i18n';
import { writeReports } from '../../lib/report/write-reports';
import { brokenAppReport } from './support/broken-app-report';

/** The diagram's title as the SVG carries it, taken from the language's catalogue. */
function diagramTitleElement(lang: Lang): string {
  return `<title id="diagram-title">${xmlEscape(messagesFor(lang).diagramTitle)}</title>`;
}

describe('writeReports', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-reports-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');

  describe('with Markdown in Japanese and English', () => {
    beforeEach(() => {
      writeReports(brokenAppReport(), { dir, langs: ['ja', 'en'], formats: ['md', 'html'] });
    });

    it('writes one diagram per language and no language-less one', () => {
      expect(fs.readdirSync(dir).sort()).toEqual([
        'tier-separation.en.html',
        'tier-separation.en.md',
        'tier-separation.en.svg',
        'tier-separation.ja.html',
        'tier-separation.ja.md',
        'tier-separation.ja.svg',
      ]);
    });

    it('labels each diagram in its own language', () => {
      const ja = read('tier-separation.ja.svg');
      const en = read('tier-separation.en.svg');
      expect(ja).toContain(diagramTitleElement('ja'));
      expect(ja).not.toContain(diagramTitleElement('en'));
      expect(en).toContain(diagramTitleElement('en'));
      expect(en).not.toContain(diagramTitleElement('ja'));
    });

    it("links each Markdown report to its own language's diagram", () => {
      const ja = read('tier-separation.ja.md');
      const en = read('tier-separation.en.md');
      expect(ja).toContain(`](tier-separation.ja.svg)`);
      expect(ja).not.toContain('tier-separation.en.svg');
      expect(en).toContain(`](tier-separation.en.svg)`);
      expect(en).not.toContain('tier-separation.ja.svg');
    });

    it("inlines each HTML report's diagram in its own language", () => {
      expect(read('tier-separation.ja.html')).toContain(diagramTitleElement('ja'));
      expect(read('tier-separation.ja.html')).not.toContain(diagramTitleElement('en'));
      expect(read('tier-separation.en.html')).toContain(diagramTitleElement('en'));
      expect(read('tier-separation.en.html')).not.toContain(diagramTitleElement('ja'));
    });

    it('leaves no temporary file behind', () => {
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });

  it('names the diagram after the stem', () => {
    writeReports(brokenAppReport(), { dir, langs: ['en'], formats: ['md'], stem: 'review' });
    expect(fs.readdirSync(dir).sort()).toEqual(['review.en.md', 'review.en.svg']);
    expect(read('review.en.md')).toContain('](review.en.svg)');
  });

  it('writes no SVG file when only HTML is asked for (HTML inlines the diagram)', () => {
    writeReports(brokenAppReport(), { dir, langs: ['ja', 'en'], formats: ['html'] });
    expect(fs.readdirSync(dir).sort()).toEqual(['tier-separation.en.html', 'tier-separation.ja.html']);
  });

  it('writes through a temporary name and a rename', () => {
    // Spy on the module object itself: the `import * as fs` namespace has read-only bindings.
    const nodeFs = jest.requireActual<typeof fs>('fs');
    const writeSpy = jest.spyOn(nodeFs, 'writeFileSync');
    const renameSpy = jest.spyOn(nodeFs, 'renameSync');
    try {
      writeReports(brokenAppReport(), { dir, langs: ['ja'], formats: ['md'] });
      const target = path.join(dir, 'tier-separation.ja.svg');
      const tmp = `${target}.${process.pid}.tmp`;
      expect(writeSpy).toHaveBeenCalledWith(tmp, expect.any(String));
      expect(renameSpy).toHaveBeenCalledWith(tmp, target);
    } finally {
      writeSpy.mockRestore();
      renameSpy.mockRestore();
    }
  });
});
