// Progress of long work (a synth of many stacks): one self-overwriting status line on a terminal, nothing at all
// when the output is a file, a pipe or CI, so logs stay exactly as they were.

/** Where the status line goes: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * A status line that redraws itself in place. Disabled (every call a no-op) unless the stream is a terminal and
 * `CI` is unset or empty: CI services set `CI` and often give their jobs a pseudo-terminal.
 */
export class ProgressLine {
  /** Whether anything is drawn at all. */
  public readonly enabled: boolean;
  private shown = '';
  private readonly pending = new Map<ProgressStream, string>();

  constructor(private readonly stream: ProgressStream, env: { readonly [k: string]: string | undefined }) {
    this.enabled = !!stream.isTTY && !env.CI;
  }

  /** Replaces the status line with `text`, cut to the terminal width so it never wraps (a wrapped line cannot be redrawn). */
  public update(text: string): void {
    if (!this.enabled) return;
    const width = (this.stream.columns || 100) - 1;
    this.shown = text.length > width ? text.slice(0, width - 1) + '…' : text;
    this.stream.write(`\r\x1b[K${this.shown}`);
  }

  /** Removes the status line (before ordinary output, and when done). */
  public clear(): void {
    if (!this.enabled || !this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = '';
  }

  /**
   * Writes other output (a child process's log or warnings) above the status line: the line is cleared, the
   * complete lines of `text` written to `to`, and the status drawn again under them. A partial line waits for its
   * end (or `flush`), since redrawing the status would erase it. Without a status line the text passes through as is.
   */
  public passThrough(text: string, to: ProgressStream): void {
    if (!this.enabled) {
      to.write(text);
      return;
    }
    const pending = (this.pending.get(to) ?? '') + text;
    const end = pending.lastIndexOf('\n') + 1;
    this.pending.set(to, pending.slice(end));
    if (!end) return;
    const shown = this.shown;
    this.clear();
    to.write(pending.slice(0, end));
    if (shown) this.update(shown);
  }

  /** Clears the status line and writes what `passThrough` still holds of an unfinished line. */
  public flush(): void {
    this.clear();
    for (const [to, rest] of this.pending) if (rest) to.write(rest + '\n');
    this.pending.clear();
  }
}
