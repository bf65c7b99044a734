import type { HouseholdContext, Me } from '@anju/shared'
import type { PendingCaller } from '../services/auth'
import type { ServiceDeps } from '../services/deps'

/** Hono context variables: the service deps for every request, the user once authenticated. */
export type AppEnv = {
  Variables: { deps: ServiceDeps; me: Me; household?: HouseholdContext; caller: PendingCaller }
}
