import cliProgress from 'cli-progress'

/**
 * A progress bar for loading the population: cli-progress on a terminal, a line every 10% when
 * the output is a log. Returns the callback seedIfEmpty takes and a `stop` to call afterwards.
 */
export function seedProgress(label = 'Loading Yanchi population 加载人口数据') {
  const started = Date.now()
  if (process.stdout.isTTY) {
    let bar: cliProgress.SingleBar | undefined
    return {
      onProgress(written: number, total: number) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: `  ${label} [{bar}] {percentage}% | {value}/{total} items | {duration}s`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
          bar.start(total, 0)
        }
        bar.update(written)
      },
      stop() {
        bar?.stop()
      },
    }
  }
  let shown = -1
  return {
    onProgress(written: number, total: number) {
      const tenth = Math.floor((written / total) * 10)
      if (tenth === shown) return
      shown = tenth
      console.log(`  ${label}: ${written}/${total} items (${((Date.now() - started) / 1000).toFixed(1)}s)`)
    },
    stop() {},
  }
}
