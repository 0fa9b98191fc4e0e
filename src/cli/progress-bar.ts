// A progress bar on stderr for long commands; silent when stderr is not a terminal (scripts, CI), except the summary.
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  const tty = stream.isTTY === true;
  let last = 0;
  return {
    update(done: number, item: string) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 80 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
      const name = item.length > 40 ? `…${item.slice(-39)}` : item;
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(1)}/s eta ${eta}s ${name.padEnd(40)}`,
      );
    },
    done(summary: string) {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`${tty ? '\r\x1b[K' : ''}${label}: ${summary} in ${secs}s\n`);
    },
  };
}
