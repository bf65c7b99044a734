import { measureTriage } from './triage'

it('triage list with 1000 tickets', () => measureTriage(1000), 120_000)
