import {
  AVAILABILITY_LABELS,
  Availability,
  COMMUTE_CHOICES_KM,
  Literacy,
  PHYSICAL_LIMIT_LABELS,
  Physical,
  READING_LABELS,
  SKILL_LABELS,
  Skill,
} from '@anju/shared'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { IconName } from '../../../assets/icons'
import Icon from '../../../components/Icon'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { isRetryable, ValidationError } from '../../../services/errors'
import { getMyJobProfile, saveMyJobProfile } from '../../../services/jobs'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import {
  checkProfile,
  formFromProfile,
  groupProfileErrors,
  onBehalfLine,
  type ProfileErrors,
  type ProfileField,
  type ProfileForm,
  toggleSkill,
} from '../../../utils/jobProfile'
import { COMMUTE_UNSET_LABEL, PROFILE_SPOKEN } from '../../../utils/jobs'
import '../../resident/report/index.scss'
import './index.scss'

// 我的求职信息: only the hours are required; everything else is a picture to tap or a number to
// type, and may be left out. The server's Chinese message for a field is shown beside it.

const READING_ICONS: Record<Literacy, IconName> = { none: 'ear', basic: 'eye', fluent: 'eye' }

export default function JobProfilePage() {
  useSignedInUser()
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile())
  const [onBehalf, setOnBehalf] = useState('')
  const [ageNote, setAgeNote] = useState('')
  const [errors, setErrors] = useState<ProfileErrors>({})
  const [busy, setBusy] = useState(false)
  const loaded = useRef(false)

  // Read once: coming back to the page must not throw away what was being changed.
  useDidShow(() => {
    if (loaded.current || !getToken()) return
    loaded.current = true
    getMyJobProfile()
      .then((res) => {
        setForm(formFromProfile(res.profile))
        setOnBehalf(onBehalfLine(res.profile))
        setAgeNote(res.state === 'outside_working_age' ? (res.reason ?? '') : '')
      })
      .catch((err: Error) => {
        loaded.current = false
        setErrors({ form: err.message })
      })
  })

  // A patch may depend on the form (a skill toggled): taken from the latest state, so two quick
  // taps before a render both count.
  const update = (patch: Partial<ProfileForm> | ((f: ProfileForm) => Partial<ProfileForm>), field: ProfileField) => {
    setForm((f) => ({ ...f, ...(typeof patch === 'function' ? patch(f) : patch) }))
    setErrors((e) => ({ ...e, [field]: undefined, form: undefined }))
  }

  const save = () => {
    if (busy) return
    const checked = checkProfile(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      Taro.showToast({ title: '有一项要改一下', icon: 'none' })
      return
    }
    setBusy(true)
    saveMyJobProfile(checked.body)
      .then(() => {
        Taro.showToast({ title: '已保存', icon: 'success' })
        // Back to 找工作, which reads the matches again when shown.
        if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
        else Taro.redirectTo({ url: PAGES.jobs })
      })
      .catch((err: Error) => {
        if (err instanceof ValidationError) {
          const grouped = groupProfileErrors(err.fieldErrors)
          setErrors(Object.keys(grouped).length > 0 ? grouped : { form: err.message })
        } else setErrors({ form: isRetryable(err) ? '网络不好，还没有保存。请稍后再点一次“保存”。' : err.message })
      })
      .finally(() => setBusy(false))
  }

  const fieldError = (field: ProfileField) =>
    errors[field] ? <Text className={`aj-field-error aj-field-error--${field}`}>{errors[field]}</Text> : null

  const choice = (on: boolean, className: string, onClick: () => void, icon: IconName | null, word: string) => (
    <View key={className} className={`aj-option ${className} ${on ? 'aj-option--on' : ''}`} onClick={onClick}>
      {icon && <Icon name={icon} size="md" />}
      <Text className="aj-option__word">{word}</Text>
      {on && <Text className="aj-chosen">✓ 已选</Text>}
    </View>
  )

  return (
    <View className="aj-page aj-report aj-job-profile">
      <View className="aj-page__top">
        <Text className="aj-title">我的求职信息</Text>
        <ReadAloud text={`${onBehalf ? `${onBehalf}。` : ''}${ageNote ? `${ageNote}` : ''}${PROFILE_SPOKEN}`} />
      </View>
      {onBehalf !== '' && (
        <View className="aj-job-profile__by">
          <Icon name="person" size="sm" />
          <Text>{onBehalf}</Text>
        </View>
      )}
      {ageNote !== '' && <Text className="aj-job-profile__age">{ageNote}</Text>}

      <Text className="aj-section-title">1. 能上什么班？（一定要选）</Text>
      {Availability.options.map((a) =>
        choice(
          form.availability === a,
          `aj-hours-${a}`,
          () => update({ availability: a }, 'availability'),
          a,
          AVAILABILITY_LABELS[a],
        ),
      )}
      {fieldError('availability')}

      <Text className="aj-section-title">2. 上下学要接送孩子吗？</Text>
      <View className="aj-job-profile__pair">
        {choice(
          form.schoolRun,
          'aj-school-run-yes',
          () => update({ schoolRun: true }, 'schoolRun'),
          'school_run',
          '要接送',
        )}
        {choice(!form.schoolRun, 'aj-school-run-no', () => update({ schoolRun: false }, 'schoolRun'), null, '不用')}
      </View>
      {fieldError('schoolRun')}

      <Text className="aj-section-title">3. 会做什么？（可以选好几个，不会就不选）</Text>
      <View className="aj-tiles">
        {Skill.options.map((s) => {
          const on = form.skills.includes(s)
          return (
            <View
              key={s}
              className={`aj-tile aj-skill-${s} ${on ? 'aj-tile--on' : ''}`}
              onClick={() => update((f) => ({ skills: toggleSkill(f.skills, s) }), 'skills')}
            >
              <Icon name={s} size="lg" />
              <Text className="aj-tile__word">{SKILL_LABELS[s]}</Text>
              {on && <Text className="aj-chosen">✓ 已选</Text>}
            </View>
          )
        })}
      </View>
      {fieldError('skills')}

      <Text className="aj-section-title">4. 做过几年？（可以不填）</Text>
      <View className="aj-job-profile__number">
        <Input
          className="aj-number aj-experience"
          type="digit"
          value={form.experienceYears}
          placeholder="比如：3"
          onInput={(e) => update({ experienceYears: e.detail.value }, 'experienceYears')}
        />
        <Text className="aj-job-profile__unit">年</Text>
      </View>
      {fieldError('experienceYears')}

      <Text className="aj-section-title">5. 最远能去多远？（可以不选）</Text>
      <View className="aj-job-profile__km">
        {COMMUTE_CHOICES_KM.map((km) =>
          choice(
            form.maxCommuteKm === km,
            `aj-commute-${km}`,
            () => update({ maxCommuteKm: km }, 'maxCommuteKm'),
            'spot',
            `${km}公里`,
          ),
        )}
        {choice(
          form.maxCommuteKm === undefined,
          'aj-commute-any',
          () => update({ maxCommuteKm: undefined }, 'maxCommuteKm'),
          null,
          COMMUTE_UNSET_LABEL,
        )}
      </View>
      {fieldError('maxCommuteKm')}

      <Text className="aj-section-title">6. 身体能干什么活？（可以不选）</Text>
      {Physical.options.map((p) =>
        choice(
          form.physicalLimit === p,
          `aj-physical-${p}`,
          () => update((f) => ({ physicalLimit: f.physicalLimit === p ? undefined : p }), 'physicalLimit'),
          p,
          PHYSICAL_LIMIT_LABELS[p],
        ),
      )}
      {fieldError('physicalLimit')}

      <Text className="aj-section-title">7. 每月想挣多少？（可以不填）</Text>
      <View className="aj-job-profile__number">
        <Input
          className="aj-number aj-wage"
          type="digit"
          value={form.expectedWage}
          placeholder="比如：3000"
          onInput={(e) => update({ expectedWage: e.detail.value }, 'expectedWage')}
        />
        <Text className="aj-job-profile__unit">元</Text>
      </View>
      {fieldError('expectedWage')}

      <Text className="aj-section-title">8. 能看懂工作说明吗？（可以不选）</Text>
      {Literacy.options.map((r) =>
        choice(
          form.reading === r,
          `aj-reading-${r}`,
          () => update((f) => ({ reading: f.reading === r ? undefined : r }), 'reading'),
          READING_ICONS[r],
          READING_LABELS[r],
        ),
      )}
      {fieldError('reading')}

      {fieldError('form')}
      <View className={`aj-button aj-submit aj-save ${busy ? 'aj-submit--busy' : ''}`} onClick={save}>
        <Text>{busy ? '正在保存…' : '保存'}</Text>
      </View>
    </View>
  )
}
