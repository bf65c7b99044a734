import {
  type AnyTicketCategory,
  COMMON_SPOT_LABELS,
  type CommonSpot,
  type HelpRequestCategory,
  helpEmergencyCall,
  type TicketAnswers,
  type TicketCategory,
  type TicketKind,
  type TicketLocation,
  TRIAGE_RULES,
  ticketEmergencyCall,
  ticketQuestions,
  withPropertyDuty,
} from '@anju/shared'
import { Text, View } from '@tarojs/components'
import EmergencyCall from '../../../components/EmergencyCall'
import Icon from '../../../components/Icon'

// What the resident said beyond the category: the category's yes/no questions and, for a
// property problem, where it is. The numbers to call show at once, as on the resident's pages,
// so staff on the phone can say them.

const SPOTS = Object.keys(COMMON_SPOT_LABELS) as CommonSpot[]
const TRIAGE = PROPERTY_DUTY_PHONE ? withPropertyDuty(PROPERTY_DUTY_PHONE) : TRIAGE_RULES
const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)

interface Props {
  what: { kind: TicketKind; category: AnyTicketCategory }
  answers: TicketAnswers
  onAnswers: (answers: TicketAnswers) => void
  location: TicketLocation
  onLocation: (location: TicketLocation) => void
}

export default function Details({ what, answers, onAnswers, location, onLocation }: Props) {
  const help = what.kind === 'help'
  const emergency = help
    ? helpEmergencyCall(what.category as HelpRequestCategory, TRIAGE)
    : ticketEmergencyCall(what.category as TicketCategory, answers, TRIAGE)
  const spotOf = (l: TicketLocation) => (l.kind === 'common_area' ? l.spot : undefined)
  return (
    <View className="aj-file-for__details">
      {ticketQuestions(what).map((q) => (
        <View key={q.key}>
          <Text className="aj-section-title">{q.text}</Text>
          <View className="aj-choices">
            {([true, false] as const).map((yes) => (
              <View
                key={String(yes)}
                className={`aj-choice aj-answer-${q.key}-${yes ? 'yes' : 'no'} ${answers[q.key] === yes ? 'aj-choice--on' : ''}`}
                onClick={() => onAnswers({ ...answers, [q.key]: yes })}
              >
                <Text>{mark(answers[q.key] === yes, yes ? '是' : '不是')}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {emergency && <EmergencyCall emergency={emergency} noun="登记" />}
      {!help && (
        <>
          <Text className="aj-section-title">在哪里？</Text>
          <View className="aj-choices">
            <View
              className={`aj-choice aj-location-own ${location.kind === 'own_room' ? 'aj-choice--on' : ''}`}
              onClick={() => onLocation({ kind: 'own_room' })}
            >
              <Icon name="home" size="sm" />
              <Text>{mark(location.kind === 'own_room', '住户家里')}</Text>
            </View>
            {SPOTS.map((spot) => (
              <View
                key={spot}
                className={`aj-choice aj-location-${spot} ${spotOf(location) === spot ? 'aj-choice--on' : ''}`}
                onClick={() => onLocation({ kind: 'common_area', spot })}
              >
                <Icon name="spot" size="sm" />
                <Text>{mark(spotOf(location) === spot, COMMON_SPOT_LABELS[spot])}</Text>
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
