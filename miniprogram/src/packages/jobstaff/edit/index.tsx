import type { BuildingChoice, StaffPosting } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import DraftNotice from '../../../components/DraftNotice'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { ownedBy } from '../../../services/draft'
import { listHouseholds } from '../../../services/filing'
import { ValidationError } from '../../../services/http'
import { createPosting, listApplicants, updatePosting } from '../../../services/job-staff'
import {
  openPostingDraft,
  type PostingDraft,
  type PostingOutcome,
  savePostingDraft,
  submitPostingDraft,
} from '../../../services/postingDraft'
import { PAGES } from '../../../services/routes'
import { myDraftStorage, taroStorage } from '../../../services/storage'
import { newIdempotencyKey } from '../../../utils/ids'
import { mayManagePosting, notMineLabel } from '../../../utils/jobstaff'
import {
  checkPostingEdit,
  EMPTY_POSTING,
  formFromPosting,
  groupPostingErrors,
  type PostingErrors,
  type PostingForm,
} from '../../../utils/postingForm'
import Fields from './Fields'
import './index.scss'

// 新建岗位 (no id) keeps a draft with its idempotency key, as the ticket report does: a lost
// answer is resent with the same key and the posting is created once. 修改岗位 (?id=) replaces the
// posting with PUT, which is safe to repeat, so it keeps no draft.

const drafts = () => myDraftStorage() ?? ownedBy(taroStorage, 'signed-out')

const back = () => Promise.resolve(Taro.navigateBack()).catch(() => Taro.redirectTo({ url: PAGES.jobPostings }))

export default function EditPosting() {
  const user = useSignedInUser()
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : undefined
  const [draft, setDraft] = useState<PostingDraft>(() =>
    id
      ? { idempotencyKey: 'edit-only', form: EMPTY_POSTING, pending: false }
      : openPostingDraft(drafts(), () => newIdempotencyKey()),
  )
  const [loaded, setLoaded] = useState(!id)
  const [buildings, setBuildings] = useState<BuildingChoice[]>([])
  const [errors, setErrors] = useState<PostingErrors>({})
  const [notice, setNotice] = useState('')
  const [busy, setBusy] = useState(false)
  // The version this editor opened: a save based on it is refused if someone changed it meanwhile.
  const [basedOn, setBasedOn] = useState<string | undefined>(undefined)
  // The opened posting's scope: one the user may not change shows why, not a form that fails on save.
  const [scope, setScope] = useState<StaffPosting['scope']>()

  useEffect(() => {
    listHouseholds()
      .then((res) => setBuildings(res.buildings))
      .catch(() => setBuildings([]))
    if (id)
      listApplicants(id)
        .then((res) => {
          setDraft((d) => ({ ...d, form: formFromPosting(res.posting) }))
          setBasedOn(res.posting.updatedAt)
          setScope(res.posting.scope)
          setLoaded(true)
        })
        .catch((err: Error) => setErrors({ form: err.message }))
  }, [id])

  const change = (patch: Partial<PostingForm> | ((form: PostingForm) => Partial<PostingForm>)) => {
    setDraft((d) => {
      const changed = typeof patch === 'function' ? patch(d.form) : patch
      const next = { ...d, form: { ...d.form, ...changed } }
      if (!id) savePostingDraft(drafts(), next)
      setErrors((e) => {
        const rest = { ...e }
        for (const k of Object.keys(changed)) delete rest[k as keyof PostingErrors]
        if ('placeKind' in changed || 'buildingId' in changed) delete rest.place
        return rest
      })
      return next
    })
  }

  const handle = (outcome: PostingOutcome) => {
    if (outcome.kind === 'sent') {
      setNotice('')
      Taro.showToast({ title: '岗位已发布', icon: 'success' })
      back()
      return
    }
    setDraft(outcome.draft)
    setNotice(outcome.kind === 'saved' ? outcome.message : '')
    if (outcome.kind === 'invalid') setErrors(outcome.errors)
    if (outcome.kind === 'failed') setErrors({ form: outcome.message })
  }

  const create = (current: PostingDraft) => {
    setBusy(true)
    submitPostingDraft(drafts(), current, createPosting, () => newIdempotencyKey())
      .then(handle)
      .catch((err: Error) => setErrors({ form: err.message }))
      .finally(() => setBusy(false))
  }

  const save = () => {
    if (!id) return create(draft)
    const checked = checkPostingEdit(draft.form)
    if (!checked.ok) return setErrors(checked.errors)
    setBusy(true)
    updatePosting(id, { ...checked.body, ...(basedOn ? { basedOn } : {}) })
      .then(() => {
        Taro.showToast({ title: '已保存', icon: 'success' })
        back()
      })
      .catch((err: Error) => {
        const fields = err instanceof ValidationError ? groupPostingErrors(err.fieldErrors) : {}
        setErrors(Object.keys(fields).length ? fields : { form: err.message })
      })
      .finally(() => setBusy(false))
  }

  useDidShow(() => {
    if (id) return
    // A posting that failed to send earlier goes out again by itself, with its original key.
    const stored = openPostingDraft(drafts(), () => newIdempotencyKey())
    setDraft(stored)
    if (stored.pending) create(stored)
  })

  const problems = Object.keys(errors).filter((k) => k !== 'form').length
  const notMine = scope && !mayManagePosting(user, { scope }) ? notMineLabel({ scope }) : ''

  return (
    <View className="aj-page aj-posting-edit">
      <View className="aj-page__top">
        <Text className="aj-title">{id ? '修改岗位' : '新建岗位'}</Text>
      </View>
      {notice !== '' && <DraftNotice message={notice} busy={busy} onRetry={() => create(draft)} />}
      {!loaded && errors.form === undefined && <Text className="aj-empty">正在读取…</Text>}
      {notMine !== '' && <Text className="aj-js-l aj-posting__not-mine">{notMine}</Text>}
      {loaded && !notMine && <Fields form={draft.form} errors={errors} buildings={buildings} onChange={change} />}

      {problems > 0 && (
        <Text className="aj-field-error aj-err-summary">{`有 ${problems} 处需要修改，请看上面的红字`}</Text>
      )}
      {errors.form && <Text className="aj-field-error aj-err-form">{errors.form}</Text>}
      {loaded && !notMine && (
        <View
          className={`aj-button aj-submit aj-posting-save ${busy ? 'aj-submit--busy' : ''}`}
          onClick={() => !busy && save()}
        >
          <Text>{busy ? '正在提交…' : id ? '保存修改' : '发布岗位'}</Text>
        </View>
      )}
    </View>
  )
}
