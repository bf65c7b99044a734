import {
  type AnyTicketCategory,
  type BuildingChoice,
  categoryLabel,
  type FilingChannel,
  HelpRequestCategory,
  type HouseholdChoice,
  householdChoiceLabel,
  ROLE_LABELS,
  type TicketAnswers,
  TicketCategory,
  type TicketKind,
  type TicketLocation,
} from '@anju/shared'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import Icon from '../../../components/Icon'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { fileOnBehalf, listHouseholds } from '../../../services/filing'
import { isRetryable, ValidationError } from '../../../services/http'
import { PAGES } from '../../../services/routes'
import { contactPhoneProblem, formMessage } from '../../../utils/fieldMessages'
import { newIdempotencyKey } from '../../../utils/ids'
import Details from './Details'
import './index.scss'

// A resident phoned or came by: staff pick the home, how they were reached, what is needed, and
// file it for the household (POST /api/tickets/on-behalf). The household sees it in 我的报修 with
// "由楼栋长…代为登记（电话）" (docs/decisions/064).

interface What {
  kind: TicketKind
  category: AnyTicketCategory
}

const WHATS: What[] = [
  ...HelpRequestCategory.options.map((category) => ({ kind: 'help' as const, category })),
  ...TicketCategory.options.map((category) => ({ kind: 'property' as const, category })),
]
const CHANNELS: { key: FilingChannel; label: string }[] = [
  { key: 'phone', label: '电话' },
  { key: 'walk_in', label: '上门' },
]
const SPOKEN = '代为登记：选住户，选电话还是上门，选需要什么，写几句情况，再点提交。'

const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)
const whatLabel = (w: What) =>
  w.kind === 'help' ? categoryLabel('help', w.category) : `报修·${categoryLabel('property', w.category)}`

export default function FileFor() {
  const user = useSignedInUser()
  const [buildings, setBuildings] = useState<BuildingChoice[]>([])
  const [buildingId, setBuildingId] = useState<string>()
  const [households, setHouseholds] = useState<HouseholdChoice[]>([])
  const [unit, setUnit] = useState<string>()
  const [householdId, setHouseholdId] = useState<string>()
  const [channel, setChannel] = useState<FilingChannel>()
  const [what, setWhat] = useState<What>()
  const [answers, setAnswers] = useState<TicketAnswers>({})
  const [location, setLocation] = useState<TicketLocation>({ kind: 'own_room' })
  const [description, setDescription] = useState('')
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  // One key per filing: a retry after a lost answer files it once.
  const [key, setKey] = useState(() => newIdempotencyKey())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  // Shown beside the number, where the eye is: checked by the shared rule before sending.
  const [phoneError, setPhoneError] = useState('')

  const load = (id?: string) =>
    listHouseholds(id)
      .then((res) => {
        setBuildings(res.buildings)
        setBuildingId(res.buildingId)
        setHouseholds(res.households)
        setUnit(undefined)
        setHouseholdId(undefined)
        setError('')
      })
      .catch((err: Error) => setError(err.message))

  // Read once the signed-in user is known; a refreshed user object (same id) must not reload the
  // list and wipe the home already picked.
  const userId = user?.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: load is recreated on every render
  useEffect(() => {
    if (userId) load()
  }, [userId])

  const units = [...new Set(households.map((h) => h.unitName))]
  const rooms = households.filter((h) => h.unitName === unit)

  const submit = () => {
    if (!householdId || !channel || !what) {
      setError(!householdId ? '请选择住户' : !channel ? '请选择：电话还是上门' : '请选择需要什么')
      return
    }
    const phoneProblem = contactPhoneProblem(contactPhone)
    setPhoneError(phoneProblem)
    if (phoneProblem !== '') {
      setError('')
      return
    }
    setBusy(true)
    fileOnBehalf({
      householdId,
      channel,
      ...(what.kind === 'help' ? { kind: 'help' } : { location, answers }),
      category: what.category,
      description,
      contactName,
      contactPhone,
      idempotencyKey: key,
    } as Parameters<typeof fileOnBehalf>[0])
      .then((ticket) => {
        setKey(newIdempotencyKey())
        Taro.showToast({ title: '已代为登记', icon: 'success' })
        Taro.redirectTo({ url: `${PAGES.staffTicket}?id=${encodeURIComponent(ticket.id)}` })
      })
      .catch((err: Error) => {
        // Keep the key after a network failure so the next tap cannot file twice.
        if (!isRetryable(err)) setKey(newIdempotencyKey())
        const fields = err instanceof ValidationError ? err.fieldErrors : []
        const phone = fields.find((f) => f.path === 'contactPhone')
        setPhoneError(phone ? formMessage(phone.message) : '')
        const other = fields.find((f) => f.path !== 'contactPhone')
        setError(other ? formMessage(other.message) : phone ? '' : formMessage(err.message))
      })
      .finally(() => setBusy(false))
  }

  return (
    <View className="aj-page aj-file-for">
      <View className="aj-page__top">
        <View>
          <Text className="aj-title">代为登记</Text>
          {user && <Text className="aj-subtitle">{`${user.name}（${ROLE_LABELS[user.role]}）`}</Text>}
        </View>
        <ReadAloud text={SPOKEN} />
      </View>

      {buildings.length > 1 && (
        <>
          <Text className="aj-section-title">1. 哪栋楼？</Text>
          <View className="aj-choices">
            {buildings.map((b) => (
              <View
                key={b.id}
                className={`aj-choice aj-building-${b.id} ${buildingId === b.id ? 'aj-choice--on' : ''}`}
                onClick={() => load(b.id)}
              >
                <Text>{mark(buildingId === b.id, `${b.areaName} ${b.name}`)}</Text>
              </View>
            ))}
          </View>
        </>
      )}

      <Text className="aj-section-title">{`住户${buildings.length === 1 ? `（${buildings[0].name}）` : ''}`}</Text>
      <View className="aj-choices">
        {units.map((u) => (
          <View key={u} className={`aj-choice aj-unit ${unit === u ? 'aj-choice--on' : ''}`} onClick={() => setUnit(u)}>
            <Text>{mark(unit === u, u)}</Text>
          </View>
        ))}
      </View>
      <View className="aj-choices">
        {rooms.map((h) => (
          <View
            key={h.id}
            className={`aj-choice aj-household-${h.id} ${householdId === h.id ? 'aj-choice--on' : ''}`}
            onClick={() => setHouseholdId(h.id)}
          >
            <Icon name="home" size="sm" />
            <Text>{mark(householdId === h.id, householdChoiceLabel(h))}</Text>
          </View>
        ))}
      </View>

      <Text className="aj-section-title">住户怎么找到您的？</Text>
      <View className="aj-choices">
        {CHANNELS.map((c) => (
          <View
            key={c.key}
            className={`aj-choice aj-channel-${c.key} ${channel === c.key ? 'aj-choice--on' : ''}`}
            onClick={() => setChannel(c.key)}
          >
            <Icon name={c.key === 'phone' ? 'phone' : 'home'} size="sm" />
            <Text>{mark(channel === c.key, c.label)}</Text>
          </View>
        ))}
      </View>

      <Text className="aj-section-title">需要什么？</Text>
      <View className="aj-choices">
        {WHATS.map((w) => {
          const on = what?.kind === w.kind && what.category === w.category
          return (
            <View
              key={`${w.kind}-${w.category}`}
              className={`aj-choice aj-what-${w.kind}-${w.category} ${on ? 'aj-choice--on' : ''}`}
              onClick={() => {
                setWhat(w)
                setAnswers({})
              }}
            >
              <Icon name={w.category} size="sm" />
              <Text>{mark(on, whatLabel(w))}</Text>
            </View>
          )
        })}
      </View>

      {what && (
        <Details what={what} answers={answers} onAnswers={setAnswers} location={location} onLocation={setLocation} />
      )}

      <Text className="aj-section-title">情况（报修必填，求助可不写）</Text>
      <Textarea
        className="aj-file-for__input aj-file-for__desc"
        value={description}
        maxlength={2000}
        placeholder="比如：老人胸口疼，需要人陪同去医院"
        onInput={(e) => setDescription(e.detail.value)}
      />
      <Input
        className="aj-file-for__input aj-contact-name"
        value={contactName}
        placeholder="联系人（可不填）"
        onInput={(e) => setContactName(e.detail.value)}
      />
      <Input
        className="aj-file-for__input aj-contact-phone"
        type="number"
        value={contactPhone}
        placeholder="联系电话（可不填）"
        onInput={(e) => {
          setContactPhone(e.detail.value)
          setPhoneError('')
        }}
      />
      {phoneError !== '' && <Text className="aj-field-error aj-field-error--contactPhone">{phoneError}</Text>}

      {error !== '' && <Text className="aj-field-error aj-file-for__error">{error}</Text>}
      <View className={`aj-button aj-submit ${busy ? 'aj-submit--busy' : ''}`} onClick={() => !busy && submit()}>
        <Text>{busy ? '正在提交…' : '提交'}</Text>
      </View>
    </View>
  )
}
