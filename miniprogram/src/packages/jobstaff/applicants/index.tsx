import {
  APPLICATION_STATUS_LABELS,
  type ApplicantView,
  type ApplicationStatus,
  UpdateApplicationBody,
} from '@anju/shared'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { ConflictError, ValidationError } from '../../../services/http'
import { type Applicants, listApplicants, updateApplication } from '../../../services/job-staff'
import {
  APPLICATION_ICONS,
  canPost,
  dayLabel,
  mayManagePosting,
  notMineLabel,
  postingLines,
  SHOW_STEP,
  STATUS_CHOICES,
} from '../../../utils/jobstaff'
import './index.scss'

// 投递的人 (issue 6 item 4): who applied to one posting, with the status each one reads; staff
// set 已联系 / 已录用 / 未录用 with a note (the status change is what the resident sees).

interface Editing {
  personId: string
  status?: ApplicationStatus
  note: string
  error: string
  /** The application's updatedAt as shown: a status someone changed meanwhile is not overwritten. */
  basedOn: string
}

function lastNote(a: ApplicantView): string | undefined {
  return [...a.history].reverse().find((h) => h.note)?.note
}

export default function ApplicantsPage() {
  const user = useSignedInUser()
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const [data, setData] = useState<Applicants | null>(null)
  const [error, setError] = useState('')
  const [editing, setEditing] = useState<Editing | null>(null)
  const [busy, setBusy] = useState(false)
  const [shown, setShown] = useState(SHOW_STEP)

  const load = () =>
    listApplicants(id)
      .then((res) => {
        setData(res)
        setError('')
        return res
      })
      .catch((err: Error) => {
        setError(err.message)
        return null
      })

  useDidShow(() => {
    load()
  })

  // Functional: a tap and a keystroke may arrive before the page re-renders.
  const patch = (p: Partial<Editing>) => setEditing((e) => (e ? { ...e, ...p, error: '' } : e))

  const save = () => {
    if (!editing) return
    const parsed = UpdateApplicationBody.safeParse({
      status: editing.status,
      note: editing.note,
      basedOn: editing.basedOn,
    })
    if (!parsed.success) {
      setEditing({ ...editing, error: parsed.error.issues[0]?.message ?? '请检查填写的内容' })
      return
    }
    setBusy(true)
    updateApplication(id, editing.personId, parsed.data)
      .then(() => {
        Taro.showToast({ title: `已改为${APPLICATION_STATUS_LABELS[parsed.data.status]}`, icon: 'success' })
        setEditing(null)
        return load()
      })
      .catch((err: Error) => {
        const message =
          err instanceof ValidationError && err.fieldErrors.length ? err.fieldErrors[0].message : err.message
        setEditing((e) => (e ? { ...e, error: message } : e))
        // Changed meanwhile: show the status as it is now, and base a second try on it.
        if (err instanceof ConflictError)
          load().then((fresh) => {
            const now = fresh?.applicants.find((a) => a.personId === editing.personId)
            if (now) setEditing((e) => (e ? { ...e, basedOn: now.updatedAt, error: message } : e))
          })
      })
      .finally(() => setBusy(false))
  }

  const applicants = data?.applicants ?? []
  // 改状态 only for those the server lets change it (managers, postings inside their scope).
  const manage = data !== null && mayManagePosting(user, data.posting)
  const whyNot = !data || manage ? '' : canPost(user?.role) ? notMineLabel(data.posting) : '投递状态由社区工作人员修改'

  return (
    <View className="aj-page aj-applicants">
      <View className="aj-page__top">
        <Text className="aj-title">投递的人</Text>
      </View>
      {data && (
        <View className="aj-js-card">
          <Text className="aj-js-h">{`${data.posting.title} · ${data.posting.employer}`}</Text>
          {postingLines(data.posting).map((line) => (
            <Text key={line} className="aj-js-l">
              {line}
            </Text>
          ))}
        </View>
      )}
      {whyNot !== '' && <Text className="aj-js-l aj-applicants__not-mine">{whyNot}</Text>}
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {data === null && error === '' && <Text className="aj-empty">正在读取…</Text>}
      {data !== null && applicants.length === 0 && (
        // Without the full count the caller sees only the applicants living in their scope.
        <Text className="aj-empty">
          {data.posting.applicantCount === undefined ? '你负责的范围内还没有人投递这个岗位' : '还没有人投递这个岗位'}
        </Text>
      )}

      {applicants.slice(0, shown).map((a) => {
        const open = editing?.personId === a.personId
        const note = lastNote(a)
        return (
          <View key={a.personId} className={`aj-js-card aj-applicant aj-applicant-${a.personId}`}>
            <Text className="aj-js-h">{a.name}</Text>
            <Text className="aj-js-l">{a.addressLabel}</Text>
            <Text className="aj-js-l">{`${dayLabel(a.appliedAt)}投递${a.viaRecommendation ? '（社区推荐）' : ''}`}</Text>
            <View className="aj-js-t" data-status={a.status}>
              <Icon name={APPLICATION_ICONS[a.status]} size="sm" />
              <Text className="aj-applicant__status">{APPLICATION_STATUS_LABELS[a.status]}</Text>
            </View>
            {note && <Text className="aj-js-l aj-applicant__note">{`备注：${note}`}</Text>}
            {!open && manage && (
              <View
                className="aj-button aj-button--plain aj-js-small aj-status-open"
                onClick={() => setEditing({ personId: a.personId, note: '', error: '', basedOn: a.updatedAt })}
              >
                <Text>改状态</Text>
              </View>
            )}
            {open && editing && (
              <View className="aj-status-form">
                <View className="aj-js-choices">
                  {STATUS_CHOICES.map((s) => (
                    <View
                      key={s}
                      className={`aj-js-choice aj-status-${s} ${editing.status === s ? 'aj-js-choice--on' : ''}`}
                      onClick={() => patch({ status: s })}
                    >
                      <Icon name={APPLICATION_ICONS[s]} size="sm" />
                      <Text>
                        {editing.status === s ? `✓ ${APPLICATION_STATUS_LABELS[s]}` : APPLICATION_STATUS_LABELS[s]}
                      </Text>
                    </View>
                  ))}
                </View>
                <Text className="aj-js-l aj-status-note-label">写给居民的话（居民能看到）</Text>
                <Input
                  className="aj-js-input aj-status-note"
                  value={editing.note}
                  placeholder="可不填，比如：周一去厂里面试"
                  onInput={(e) => patch({ note: e.detail.value })}
                />
                {editing.error !== '' && <Text className="aj-field-error aj-status-error">{editing.error}</Text>}
                <View className="aj-js-actions">
                  <View
                    className={`aj-button aj-js-small aj-status-save ${busy ? 'aj-submit--busy' : ''}`}
                    onClick={() => !busy && save()}
                  >
                    <Text>{busy ? '正在提交…' : '确定'}</Text>
                  </View>
                  <View
                    className="aj-button aj-button--plain aj-js-small aj-status-cancel"
                    onClick={() => setEditing(null)}
                  >
                    <Text>取消</Text>
                  </View>
                </View>
              </View>
            )}
          </View>
        )
      })}
      {applicants.length > shown && (
        <View className="aj-button aj-button--plain aj-load-more" onClick={() => setShown(shown + SHOW_STEP)}>
          <Text>{`显示更多（还有 ${applicants.length - shown} 人）`}</Text>
        </View>
      )}
    </View>
  )
}
