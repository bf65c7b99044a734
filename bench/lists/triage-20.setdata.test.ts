import { measureTriage } from './triage'

it('triage list with 20 tickets', () => measureTriage(20), 120_000)
