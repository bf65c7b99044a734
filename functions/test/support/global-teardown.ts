export default async function globalTeardown(): Promise<void> {
  const child = globalThis.__ANJU_DYNAMO__
  if (!child || child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  // Give the JVM a moment to stop cleanly, then make sure it is gone.
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}
