// When whoever read this process's output is gone (a closed terminal, a parent process
// that was killed), every write to stdout or stderr fails with EPIPE. Unhandled, that
// failure is an uncaught exception, whose logging writes to stderr again: an endless
// loop at full CPU (seen with app servers a killed test runner left behind). Lost
// output is not worth more than that; anything else still fails loudly.
export function ignoreClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
}
