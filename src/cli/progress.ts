/**
 * A progress display on stderr (stdout stays for the result): a bar redrawn in place when stderr
 * is a terminal, else a plain line at every tenth of the work (for logs and CI). No dependency.
 */
export interface Progress {
  update(done: number, total: number, label?: string): void;
  done(message?: string): void;
}

const WIDTH = 30;

export function progressBar(
  stream: NodeJS.WriteStream = process.stderr,
  interactive = Boolean(stream.isTTY),
): Progress {
  let lastDraw = 0;
  let lastTenth = -1;
  let lastLabel = '';
  let drawn = false;
  const line = (done: number, total: number, label: string) => {
    const fraction = total ? Math.min(1, done / total) : 1;
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    return { fraction, percent, text: `${label} ${done.toLocaleString('en')}/${total.toLocaleString('en')}` };
  };
  return {
    update(done, total, label = '') {
      const { fraction, percent, text } = line(done, total, label);
      if (interactive) {
        const now = Date.now();
        if (now - lastDraw < 100 && done < total && label === lastLabel) return;
        lastDraw = now;
        lastLabel = label;
        const filled = Math.round(fraction * WIDTH);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent} ${text}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(fraction * 10);
      if (tenth === lastTenth && label === lastLabel) return;
      lastTenth = tenth;
      lastLabel = label;
      stream.write(`progress: ${percent.trim()} ${text}\n`);
    },
    done(message) {
      if (interactive && drawn) stream.write('\n');
      if (message) stream.write(`${message}\n`);
    },
  };
}
