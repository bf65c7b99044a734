import {
  codePointLength,
  HELP_REQUEST_CATEGORY_LABELS,
  HelpRequestCategory,
  helpEmergencyCall,
  TICKET_DESCRIPTION_MAX,
} from '@anju/shared'
import { Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import DraftNotice from '../../../components/DraftNotice'
import EmergencyCall from '../../../components/EmergencyCall'
import Icon from '../../../components/Icon'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import {
  type FieldMessages,
  helpDrafts,
  newHelpDraft,
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
import '../report/index.scss'
import './index.scss'

// 为民办实事: five big pictures, an optional sentence, 提交. A help request is a ticket of kind
// 'help' (docs/decisions/064); it is for the resident's home, so there is no place to pick.

const HINTS: Record<HelpRequestCategory, string> = {
  atm_cash: '陪您去取钱',
  home_repair: '换灯泡、修水龙头',
  night_escort: '晚上陪您去医院',
  errand: '帮您办手续',
  other: '别的事',
}

const SPOKEN =
  '需要帮忙，点一下是什么事：取现帮助，上门小修，夜间送医，代办，或者其他。' +
  '想多说几句，可以写在下面，不写也可以。最后点最下面的“提交”，工作人员会联系您。' +
  '病情危急，请先打 120。'

/** The signed-in resident's help draft; before sign-in finishes, a scope no account will send. */
const drafts = () => helpDrafts(myDraftStorage() ?? ownedBy(taroStorage, 'signed-out'))
const openHelpDraft = () => openDraft(drafts(), () => newIdempotencyKey(), newHelpDraft)

export default function Help() {
  useSignedInUser()
  const [draft, setDraft] = useState<TicketDraft>(openHelpDraft)
  const [errors, setErrors] = useState<FieldMessages>({})
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)

  const update = (patch: Partial<TicketDraft>) => {
    setDraft((d) => {
      const next = { ...d, ...patch }
      saveDraft(drafts(), next)
      return next
    })
    setErrors({})
  }

  const handle = (outcome: SubmitOutcome | null) => {
    if (!outcome) return
    if (outcome.kind === 'sent') {
      setNotice('')
      Taro.showToast({ title: '已提交，请等电话', icon: 'success' })
      Taro.switchTab({ url: PAGES.myTickets })
      return
    }
    setDraft(outcome.draft)
    if (outcome.kind !== 'saved') setNotice('')
    if (outcome.kind === 'invalid') setErrors(outcome.errors)
    if (outcome.kind === 'saved') setNotice(outcome.message)
    if (outcome.kind === 'failed') setErrors({ form: outcome.message })
  }

  // `updates`: the answer to WeChat's "receive updates?" sheet, opened by the tap (decision 066).
  const submit = (current: TicketDraft, updates?: Promise<UpdatesAnswer>) => {
    setBusy(true)
    sendDraft(current)
      .then(reportUpdatesIfSent(updates))
      .then(handle)
      .catch((err: Error) => setErrors({ form: err.message }))
      .finally(() => setBusy(false))
  }

  useDidShow(() => {
    // A request that failed to send earlier goes out again by itself, with its original key.
    const stored = openHelpDraft()
    setDraft(stored)
    if (stored.pending) submit(stored)
  })

  // 夜间送医: the number to call is shown the moment it is picked, before anything is sent.
  const emergency = draft.helpCategory ? helpEmergencyCall(draft.helpCategory) : undefined
  const length = codePointLength(draft.description.trim())

  return (
    <View className="aj-page aj-report aj-help">
      <View className="aj-page__top">
        <Text className="aj-title">为民办实事</Text>
        <ReadAloud text={SPOKEN} />
      </View>

      <Text className="aj-section-title">1. 需要帮什么忙？</Text>
      <View className="aj-tiles">
        {HelpRequestCategory.options.map((c) => (
          <View
            key={c}
            className={`aj-tile aj-help-${c} ${draft.helpCategory === c ? 'aj-tile--on' : ''}`}
            onClick={() => update({ helpCategory: c })}
          >
            <Icon name={c} size="lg" />
            <Text className="aj-tile__word">{HELP_REQUEST_CATEGORY_LABELS[c]}</Text>
            <Text className="aj-help__hint">{HINTS[c]}</Text>
            {draft.helpCategory === c && <Text className="aj-chosen">✓ 已选</Text>}
          </View>
        ))}
      </View>
      {errors.category && <Text className="aj-field-error aj-field-error--category">{errors.category}</Text>}
      {emergency && <EmergencyCall emergency={emergency} noun="求助" />}

      <Text className="aj-section-title">2. 说几句（可以不写）</Text>
      <Textarea
        className="aj-description"
        value={draft.description}
        maxlength={TICKET_DESCRIPTION_MAX * 4}
        placeholder="比如：想请人陪我去银行取钱"
        onInput={(e) => update({ description: e.detail.value })}
      />
      {length > TICKET_DESCRIPTION_MAX && (
        <Text className="aj-counter aj-counter--over">
          {`已写 ${length} 字，超过了 ${length - TICKET_DESCRIPTION_MAX} 字（最多 ${TICKET_DESCRIPTION_MAX} 字）`}
        </Text>
      )}
      {errors.description && <Text className="aj-field-error aj-field-error--description">{errors.description}</Text>}

      {errors.form && <Text className="aj-field-error aj-field-error--form">{errors.form}</Text>}
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
