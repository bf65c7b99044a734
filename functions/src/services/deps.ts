import type { Config } from '../config'
import type { Db } from '../db/context'

/** Everything a use case needs from the outside world; tests inject a fixed clock and ids. */
export interface ServiceDeps {
  db: Db
  config: Config
  now: () => Date
  newId: () => string
}
