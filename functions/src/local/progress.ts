/**
 * Step-by-step progress for `npm start`: every step prints what it is doing, and any step that
 * takes longer than a second shows its elapsed time while it runs, so nobody stares at a silent
 * terminal during the first H5 build.
 */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const tty = process.stdout.isTTY
  let ticker: NodeJS.Timeout | undefined
  if (tty) {
    process.stdout.write(`• ${label} …`)
    ticker = setInterval(() => {
      const s = ((Date.now() - started) / 1000).toFixed(0)
      process.stdout.write(`\r• ${label} … ${s}s`)
    }, 1000)
  } else {
    process.stdout.write(`• ${label} …\n`)
    ticker = setInterval(() => {
      process.stdout.write(`  … still working on: ${label} (${((Date.now() - started) / 1000).toFixed(0)}s)\n`)
    }, 10_000)
  }
  try {
    const result = await work()
    const took = ((Date.now() - started) / 1000).toFixed(1)
    process.stdout.write(tty ? `\r✔ ${label} (${took}s)          \n` : `✔ ${label} (${took}s)\n`)
    return result
  } catch (error) {
    process.stdout.write(tty ? `\r✘ ${label}\n` : `✘ ${label}\n`)
    throw error
  } finally {
    clearInterval(ticker)
  }
}
