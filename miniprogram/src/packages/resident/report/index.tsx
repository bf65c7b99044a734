import {
  COMMON_SPOT_LABELS,
  type CommonSpot,
  codePointLength,
  type SimilarTicket,
  TICKET_CATEGORY_LABELS,
  TICKET_DESCRIPTION_MAX,
  TICKET_QUESTIONS,
  type TicketAnswers,
  TicketCategory,
  type TicketLocation,
  type TicketQuestion,
  TRIAGE_RULES,
  ticketEmergencyCall,
  withPropertyDuty,
} from '@anju/shared'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import DraftNotice from '../../../components/DraftNotice'
import EmergencyCall from '../../../components/EmergencyCall'
import FollowedInstead from '../../../components/FollowedInstead'
import Icon from '../../../components/Icon'
import PhotoPicker from '../../../components/PhotoPicker'
import ReadAloud from '../../../components/ReadAloud'
import SimilarTickets from '../../../components/SimilarTickets'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import {
  type DraftPhoto,
  discardDraft,
  type FieldMessages,
  openDraft,
  ownedBy,
  RETRY_MESSAGE,
  type SubmitOutcome,
  saveDraft,
  type TicketDraft,
} from '../../../services/draft'
import { sendDraft } from '../../../services/draftSync'
import { askForUpdates, reportUpdatesIfSent, type UpdatesAnswer } from '../../../services/notifications'
import { PAGES } from '../../../services/routes'
import { myDraftStorage, taroStorage } from '../../../services/storage'
import { newIdempotencyKey } from '../../../utils/ids'
import './index.scss'

const SPOTS = Object.keys(COMMON_SPOT_LABELS) as CommonSpot[]

const SPOKEN =
  '报修分三步。第一步，点一下是什么坏了，比如电梯、水、电。第二步，点一下在哪里：我家，或者楼里的地方。' +
  '电梯、燃气、停水停电，还会问您一句话，点“是”或“不是”。情况紧急的，页面上马上给出要打的电话。' +
  '第三步，写几句话说说情况。还可以点“拍照/选照片”，拍几张给工作人员看，最多3张，不拍也可以。' +
  '最后点最下面的“提交”。'

function sameLocation(a: TicketLocation | undefined, b: TicketLocation): boolean {
  if (!a || a.kind !== b.kind) return false
  return a.kind === 'own_room' || (b.kind === 'common_area' && a.spot === b.spot)
}

function Chosen({ on }: { on: boolean }) {
  return on ? <Text className="aj-chosen">✓ 已选</Text> : null
}

/** One yes/no question as two big buttons; the chosen one says so in words, not colour alone. */
function Question({
  q,
  answers,
  onAnswer,
}: {
  q: TicketQuestion
  answers: TicketAnswers | undefined
  onAnswer: (value: boolean) => void
}) {
  const value = answers?.[q.key]
  return (
    <View className={`aj-question aj-question-${q.key}`}>
      <Text className="aj-question__text">{q.text}</Text>
      <View className="aj-answers">
        {([true, false] as const).map((yes) => (
          <View
            key={String(yes)}
            className={`aj-option aj-answer aj-answer-${q.key}-${yes ? 'yes' : 'no'} ${value === yes ? 'aj-option--on' : ''}`}
            onClick={() => onAnswer(yes)}
          >
            <Text className="aj-option__word">{yes ? '是' : '不是'}</Text>
            <Chosen on={value === yes} />
          </View>
        ))}
      </View>
    </View>
  )
}

/** The signed-in resident's drafts; before sign-in finishes, a scope no account will ever send. */
const drafts = () => myDraftStorage() ?? ownedBy(taroStorage, 'signed-out')

/** The same rules the server applies, with the build's property duty line when it has one. */
const TRIAGE = PROPERTY_DUTY_PHONE ? withPropertyDuty(PROPERTY_DUTY_PHONE) : TRIAGE_RULES

export default function Report() {
  const user = useSignedInUser()
  const [draft, setDraft] = useState<TicketDraft>(() => openDraft(drafts(), () => newIdempotencyKey()))
  const [errors, setErrors] = useState<FieldMessages>({})
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  // 我也遇到 went through: the resident follows that report, and this one's draft is gone.
  const [followed, setFollowed] = useState<{ ticket: SimilarTicket; households: number } | null>(null)

  const followInstead = (ticket: SimilarTicket, households: number) => {
    setDraft(discardDraft(drafts(), () => newIdempotencyKey()))
    setErrors({})
    setNotice('')
    setFollowed({ ticket, households })
  }

  // Photos arrive one by one while the resident goes on: each change starts from the latest draft.
  const changePhotos = (change: (photos: DraftPhoto[]) => DraftPhoto[]) => {
    setDraft((d) => {
      const next = { ...d, photos: change(d.photos ?? []) }
      saveDraft(drafts(), next)
      return next
    })
    setErrors(({ photos: _, ...rest }) => rest)
  }

  const update = (patch: Partial<TicketDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch }
      saveDraft(drafts(), next)
      return next
    })
    setErrors((e) => {
      const rest = { ...e }
      for (const k of Object.keys(patch)) delete rest[k as keyof FieldMessages]
      return rest
    })
  }

  const handle = (outcome: SubmitOutcome | null) => {
    if (!outcome) return
    if (outcome.kind === 'sent') {
      setNotice('')
      Taro.showToast({ title: '报修已提交', icon: 'success' })
      Taro.switchTab({ url: PAGES.myTickets })
      return
    }
    setDraft(outcome.draft)
    // Only a network/server failure leaves the "saved, will retry" notice up.
    if (outcome.kind !== 'saved') setNotice('')
    if (outcome.kind === 'invalid') setErrors(outcome.errors)
    if (outcome.kind === 'saved') setNotice(outcome.message)
    if (outcome.kind === 'failed') setErrors({ form: outcome.message })
  }

  // `updates`: the answer to WeChat's "receive updates?" sheet, opened by the tap (decision 066).
  const submit = (current: TicketDraft, updates?: Promise<UpdatesAnswer>) => {
    if (uploading) {
      setErrors((e) => ({ ...e, photos: '照片还在上传，请等一下再点提交' }))
      return
    }
    setBusy(true)
    sendDraft(current)
      .then(reportUpdatesIfSent(updates))
      .then(handle)
      .catch((err: Error) => setErrors({ form: err.message }))
      .finally(() => setBusy(false))
  }

  useDidShow(() => {
    // A draft that failed to send earlier goes out again by itself, with its original key.
    const stored = openDraft(drafts(), () => newIdempotencyKey())
    setDraft(stored)
    if (stored.pending) submit(stored)
  })

  const length = codePointLength(draft.description.trim())
  const questions = draft.category ? (TICKET_QUESTIONS[draft.category] ?? []) : []
  const emergency = draft.category ? ticketEmergencyCall(draft.category, draft.answers, TRIAGE) : undefined
  const emergencyShown = emergency !== undefined

  useEffect(() => {
    if (!emergencyShown) return
    // The answer sits low on the page; the numbers are what matters now, so bring them into view.
    try {
      Promise.resolve(Taro.pageScrollTo({ selector: '.aj-emergency', duration: 200 })).catch(() => undefined)
    } catch {
      // An old base library without pageScrollTo: the panel is still right below the answer.
    }
  }, [emergencyShown])
  const home = user?.home
  const unit = home ? `${home.buildingName}${home.unitName}` : ''

  if (followed) {
    return (
      <View className="aj-page aj-report">
        <FollowedInstead {...followed} onAnother={() => setFollowed(null)} />
      </View>
    )
  }

  return (
    <View className="aj-page aj-report">
      <View className="aj-page__top">
        <Text className="aj-title">物业报修</Text>
        <ReadAloud text={SPOKEN} />
      </View>

      <Text className="aj-section-title">1. 什么坏了？</Text>
      <View className="aj-tiles">
        {TicketCategory.options.map((c) => (
          <View
            key={c}
            className={`aj-tile aj-category-${c} ${draft.category === c ? 'aj-tile--on' : ''}`}
            onClick={() => update({ category: c })}
          >
            <Icon name={c} size="lg" />
            <Text className="aj-tile__word">{TICKET_CATEGORY_LABELS[c]}</Text>
            <Chosen on={draft.category === c} />
          </View>
        ))}
      </View>
      {errors.category && <Text className="aj-field-error aj-field-error--category">{errors.category}</Text>}

      {questions.map((q) => (
        <Question
          key={q.key}
          q={q}
          answers={draft.answers}
          onAnswer={(value) => update({ answers: { ...draft.answers, [q.key]: value } })}
        />
      ))}
      {emergency && <EmergencyCall emergency={emergency} />}

      <Text className="aj-section-title">2. 在哪里？</Text>
      <View
        className={`aj-option aj-location-own ${sameLocation(draft.location, { kind: 'own_room' }) ? 'aj-option--on' : ''}`}
        onClick={() => update({ location: { kind: 'own_room' } })}
      >
        <Icon name="home" size="md" />
        <Text className="aj-option__word">{home ? `我家 ${unit}${home.roomNo}室` : '我家'}</Text>
        <Chosen on={sameLocation(draft.location, { kind: 'own_room' })} />
      </View>
      {SPOTS.map((spot) => {
        const on = sameLocation(draft.location, { kind: 'common_area', spot })
        return (
          <View
            key={spot}
            className={`aj-option aj-location-${spot} ${on ? 'aj-option--on' : ''}`}
            onClick={() => update({ location: { kind: 'common_area', spot } })}
          >
            <Icon name="spot" size="md" />
            <Text className="aj-option__word">{`${unit ? `${unit} ` : '本单元 '}${COMMON_SPOT_LABELS[spot]}`}</Text>
            <Chosen on={on} />
          </View>
        )
      })}
      {errors.location && <Text className="aj-field-error aj-field-error--location">{errors.location}</Text>}
      {/* Someone may have reported it already: 我也遇到 instead of writing it again. */}
      <SimilarTickets category={draft.category} location={draft.location} onFollowed={followInstead} />

      <Text className="aj-section-title">3. 说说情况</Text>
      <Textarea
        className="aj-description"
        value={draft.description}
        // maxlength counts UTF-16 units: with room for twice the limit even in characters outside
        // the BMP, text past the limit is never cut silently; the counter and the check say so.
        maxlength={TICKET_DESCRIPTION_MAX * 4}
        placeholder="比如：电梯停在三楼不动了"
        onInput={(e) => update({ description: e.detail.value })}
      />
      <Text className={`aj-counter ${length > TICKET_DESCRIPTION_MAX ? 'aj-counter--over' : ''}`}>
        {length > TICKET_DESCRIPTION_MAX
          ? `已写 ${length} 字，超过了 ${length - TICKET_DESCRIPTION_MAX} 字（最多 ${TICKET_DESCRIPTION_MAX} 字）`
          : `已写 ${length} / ${TICKET_DESCRIPTION_MAX} 字`}
      </Text>
      {errors.description && <Text className="aj-field-error aj-field-error--description">{errors.description}</Text>}

      <Text className="aj-section-title">4. 拍张照片（可以不拍）</Text>
      <PhotoPicker
        photos={draft.photos ?? []}
        onAdd={(photo) => changePhotos((photos) => [...photos, photo])}
        onRemove={(id) => changePhotos((photos) => photos.filter((p) => p.id !== id))}
        onBusyChange={setUploading}
        error={errors.photos}
      />

      {errors.form && <Text className="aj-field-error aj-field-error--form">{errors.form}</Text>}
      {/* Beside the submit button, where the eye is after tapping it. */}
      {(notice !== '' || draft.pending) && (
        <DraftNotice message={notice || RETRY_MESSAGE} busy={busy} onRetry={() => submit(draft)} />
      )}
      <View
        className={`aj-button aj-submit ${busy ? 'aj-submit--busy' : ''}`}
        onClick={() => !busy && submit(draft, askForUpdates())}
      >
        <Text>{busy ? '正在提交…' : '提交'}</Text>
      </View>
    </View>
  )
}
