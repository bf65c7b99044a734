import { measureTriage } from './triage'

it('triage list with 200 tickets', () => measureTriage(200), 120_000)
