import { startStack } from './stack'

// One real stack for every e2e file: starting it (population load, maybe the H5 build) is the slow
// part, and the files use different accounts and tickets, so they can share it.
export default async function globalSetup(): Promise<void> {
  const stack = await startStack()
  process.env.E2E_URL = stack.url
  ;(globalThis as { __anjuStack?: typeof stack }).__anjuStack = stack
}
