import type { Config } from '../config'
import type { Db } from '../db/context'
import type { PhotoStore } from '../photos/store'

/** Everything a use case needs from the outside world; tests inject a fixed clock and ids. */
export interface ServiceDeps {
  db: Db
  config: Config
  now: () => Date
  newId: () => string
  /** Ticket photos: S3 in AWS, a local folder in STAGE=local (decision 062). */
  photos: PhotoStore
}
