import { ProgressLine, ProgressStream } from '../../../bin/progress';

/** A stream that records what is written to it. */
function stream(isTTY: boolean, columns = 40): ProgressStream & { text: string } {
  const s = { isTTY, columns, text: '', write: (t: string) => (s.text += t) };
  return s;
}

describe('progress line', () => {
  test('on a terminal: redraws one line in place and clears it', () => {
    const err = stream(true);
    const p = new ProgressLine(err, {});
    expect(p.enabled).toBe(true);
    p.update('[1/2] quickstart: synthesizing');
    p.update('[1/2] quickstart: 1 stack(s) written');
    p.clear();
    expect(err.text).toBe('\r\x1b[K[1/2] quickstart: synthesizing\r\x1b[K[1/2] quickstart: 1 stack(s) written\r\x1b[K');
  });

  test('is cut to the terminal width so it never wraps', () => {
    const err = stream(true, 20);
    new ProgressLine(err, {}).update('x'.repeat(50));
    expect(err.text).toBe(`\r\x1b[K${'x'.repeat(18)}…`);
  });

  test.each([
    ['stderr is not a terminal', false, {}],
    ['CI is set, even on a pseudo-terminal', true, { CI: 'true' }],
  ])('quiet when %s', (_why, isTTY, env) => {
    const err = stream(isTTY);
    const out = stream(isTTY);
    const p = new ProgressLine(err, env);
    expect(p.enabled).toBe(false);
    p.update('[1/1] quickstart: synthesizing');
    p.passThrough('warning: partial', out);
    p.passThrough(' line\n', out);
    p.flush();
    expect(err.text).toBe('');
    expect(out.text).toBe('warning: partial line\n');
  });

  test('other output goes above the status line, whole lines only', () => {
    const err = stream(true);
    const out = stream(false);
    const p = new ProgressLine(err, {});
    p.update('status');
    p.passThrough('[WARNING] a', out);
    expect(out.text).toBe('');
    p.passThrough('b\nc', out);
    expect(out.text).toBe('[WARNING] ab\n');
    // cleared before the lines, drawn again after them
    expect(err.text).toBe('\r\x1b[Kstatus\r\x1b[K\r\x1b[Kstatus');
    p.flush();
    expect(out.text).toBe('[WARNING] ab\nc\n');
    expect(err.text.endsWith('\r\x1b[K')).toBe(true);
  });
});
