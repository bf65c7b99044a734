import type { JobDetailResponse } from '@anju/shared'
import { wageLabel } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import DraftNotice from '../../../components/DraftNotice'
import Icon from '../../../components/Icon'
import JobStatus from '../../../components/JobStatus'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { APPLY_RETRY_MESSAGE, type ApplyOutcome, applyEntry, applyToast } from '../../../services/jobApply'
import { resendApplies, sendApply } from '../../../services/jobApplySync'
import { getJob } from '../../../services/jobs'
import { getToken } from '../../../services/session'
import { myDraftStorage } from '../../../services/storage'
import { spokenJob } from '../../../utils/jobDetail'
import {
  dateLabel,
  NOTE_ICON,
  noteLine,
  noteWhen,
  placeLine,
  requirementLines,
  shiftLine,
  statusOf,
  withIcons,
} from '../../../utils/jobs'
import '../../../components/JobCard/index.scss'
import './index.scss'

// One posting: why it suits me, wage, hours, place, what it asks in plain words, 一键报名 (its key
// kept in storage, so a retry after a lost answer is the same application) and 打电话.

const isPending = (id: string) => {
  const storage = myDraftStorage()
  return storage !== null && applyEntry(storage, id)?.pending === true
}

export default function JobDetail() {
  useSignedInUser()
  const { params } = useRouter()
  const id = params.id ?? ''
  const [detail, setDetail] = useState<JobDetailResponse | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)

  const load = () => {
    if (!getToken() || id === '') return
    getJob(id)
      .then((d) => {
        setDetail(d)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }

  const handle = (outcome: ApplyOutcome | null) => {
    if (!outcome) return
    if (outcome.kind === 'sent') {
      setNotice('')
      Taro.showToast({ title: applyToast(outcome), icon: 'success' })
      // The button goes at once (the answer is the application), before the page is read again.
      const application = outcome.response.application
      setDetail((d) => (d ? { ...d, application } : d))
      load()
      return
    }
    if (outcome.kind === 'saved') {
      setNotice(outcome.message)
      return
    }
    setNotice('')
    setError(outcome.message)
    if (outcome.kind === 'closed') load()
  }

  // A ref, not the state: two taps before a render both see busy false.
  const sending = useRef(false)
  const apply = () => {
    if (busy || sending.current) return
    sending.current = true
    setBusy(true)
    setError('')
    sendApply(id)
      .then(handle)
      .catch((err: Error) => setError(err.message))
      .finally(() => {
        sending.current = false
        setBusy(false)
      })
  }

  useDidShow(() => {
    load()
    // An application a lost network left pending goes out again by itself, with its own key.
    if (isPending(id)) {
      setNotice(APPLY_RETRY_MESSAGE)
      setBusy(true)
      resendApplies()
        .then(() => {
          if (!isPending(id)) setNotice('')
          load()
        })
        .catch(() => undefined)
        .finally(() => setBusy(false))
    }
  })

  if (!detail) {
    return (
      <View className="aj-page aj-job">
        {error !== '' ? <Text className="aj-field-error">{error}</Text> : <Text className="aj-empty">正在读取…</Text>}
      </View>
    )
  }

  const p = detail.posting
  const status = statusOf(detail.application?.status)
  const note = detail.application?.note
  const reasons = detail.fit?.eligible ? withIcons(detail.fit.reasons) : []
  const phone = p.contactPhone

  return (
    <View className="aj-page aj-job">
      <View className="aj-page__top">
        <Text className="aj-title">{p.title}</Text>
        <ReadAloud text={spokenJob(detail)} />
      </View>
      {detail.recommended && (
        <View className="aj-job-card__recommended aj-job__recommended">
          <Icon name="star" size="sm" />
          <Text>社区为你推荐</Text>
        </View>
      )}
      <View className="aj-job__facts">
        <View className="aj-job__fact">
          <Icon name="job" size="sm" />
          <Text>{p.employer}</Text>
        </View>
        <View className="aj-job__fact aj-job__wage">
          <Icon name="money" size="sm" />
          <Text>{wageLabel(p)}</Text>
        </View>
        <View className="aj-job__fact">
          <Icon name="clock" size="sm" />
          <Text>{shiftLine(p)}</Text>
        </View>
        <View className="aj-job__fact">
          <Icon name="spot" size="sm" />
          <Text>{placeLine(p)}</Text>
        </View>
        <View className="aj-job__fact">
          <Icon name="calendar" size="sm" />
          <Text>{`报名截止：${dateLabel(p.expiresOn)}`}</Text>
        </View>
      </View>

      {status && (
        <View className="aj-job__applied">
          <Text className="aj-job__applied-label">我的报名：</Text>
          <JobStatus status={status} />
        </View>
      )}
      {note && (
        <View className="aj-job-note aj-job__community-note">
          <Icon name={NOTE_ICON} size="sm" />
          <View className="aj-job-note__body">
            <Text className="aj-job-note__text">{noteLine(note)}</Text>
            <Text className="aj-job-note__when">{noteWhen(note)}</Text>
          </View>
        </View>
      )}

      {reasons.length > 0 && <Text className="aj-section-title">为什么适合你</Text>}
      {reasons.map((r) => (
        <View key={r.text} className="aj-reason">
          <Icon name={r.icon} size="sm" />
          <Text className="aj-reason__text">{r.text}</Text>
        </View>
      ))}
      {detail.fit && !detail.fit.eligible && (
        <View className="aj-job__unfit">
          <Icon name="help" size="sm" />
          <Text className="aj-reason__text">{`这个工作可能不适合你：${detail.fit.reason}`}</Text>
        </View>
      )}

      <Text className="aj-section-title">要求</Text>
      {requirementLines(p).map((r) => (
        <View key={r.text} className="aj-reason aj-requirement">
          <Icon name={r.icon} size="sm" />
          <Text className="aj-reason__text">{r.text}</Text>
        </View>
      ))}
      {p.description && <Text className="aj-job__description">{p.description}</Text>}

      {error !== '' && <Text className="aj-field-error aj-job__error">{error}</Text>}
      {notice !== '' && <DraftNotice message={notice} busy={busy} onRetry={apply} />}

      {detail.closedReason ? (
        <View className="aj-job__closed">
          <Icon name="closed" size="sm" />
          <Text className="aj-reason__text">{detail.closedReason}</Text>
        </View>
      ) : (
        !status && (
          <View className={`aj-button aj-apply ${busy ? 'aj-submit--busy' : ''}`} onClick={apply}>
            <Icon name="send" size="sm" className="aj-icon--on-dark" />
            <Text>{busy ? '正在报名…' : '一键报名'}</Text>
          </View>
        )
      )}
      {phone && (
        <View
          className="aj-button aj-button--plain aj-call-employer"
          onClick={() => Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}
        >
          <Icon name="phone" size="sm" />
          <Text>{`打电话问问 ${phone}`}</Text>
        </View>
      )}
    </View>
  )
}
