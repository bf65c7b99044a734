import { HOME } from './fixtures'

export const RESIDENT = {
  id: 'u-resident-1',
  name: '张秀英',
  role: 'resident',
  scope: HOME.path,
  home: HOME,
}

/** Storage of a signed-in resident, as the login flow leaves it. */
export function signedInStorage(): Map<string, unknown> {
  return new Map<string, unknown>([
    ['anju.token', 'tok-u-resident-1'],
    ['anju.user', RESIDENT],
  ])
}
