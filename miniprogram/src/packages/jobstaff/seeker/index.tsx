import {
  type BuildingChoice,
  type HouseholdChoice,
  type HouseholdSeekersResponse,
  householdChoiceLabel,
  ROLE_LABELS,
} from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import Icon from '../../../components/Icon'
import JobProfileForm, { applyProfilePatch, type ProfilePatch } from '../../../components/JobProfileForm'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { listHouseholds } from '../../../services/filing'
import { ValidationError } from '../../../services/http'
import { listHouseholdSeekers, saveSeekerProfile } from '../../../services/job-staff'
import {
  checkProfile,
  formFromProfile,
  groupProfileErrors,
  type ProfileErrors,
  type ProfileForm,
} from '../../../utils/jobProfile'
import './index.scss'

// 帮居民填写求职信息 (decision 068): a building head or staff member picks the building, the
// home and the person, and fills in the same answers the resident would; the profile then says
// who wrote it (onBehalf), and the resident can change it later. Once a home is picked, the
// building and room lists fold into one line with 换一户, so the members show where the tap was.

type Member = HouseholdSeekersResponse['members'][number]

const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)
const STATE_LABELS: Record<Member['state'], string> = {
  none: '还没填',
  ready: '已填写',
  outside_working_age: '不在工作年龄（16–65岁）',
}

export default function SeekerFor() {
  const user = useSignedInUser()
  const [buildings, setBuildings] = useState<BuildingChoice[]>([])
  const [buildingId, setBuildingId] = useState<string>()
  const [households, setHouseholds] = useState<HouseholdChoice[]>([])
  const [unit, setUnit] = useState<string>()
  const [householdId, setHouseholdId] = useState<string>()
  const [members, setMembers] = useState<Member[] | null>(null)
  const [personId, setPersonId] = useState<string>()
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile())
  const [errors, setErrors] = useState<ProfileErrors>({})
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const loadBuilding = (id?: string) =>
    listHouseholds(id)
      .then((res) => {
        setBuildings(res.buildings)
        setBuildingId(res.buildingId)
        setHouseholds(res.households)
        setUnit(undefined)
        setHouseholdId(undefined)
        setMembers(null)
        setPersonId(undefined)
        setError('')
      })
      .catch((err: Error) => setError(err.message))

  const loadMembers = (hid: string, keep?: string) =>
    listHouseholdSeekers(hid)
      .then((list) => {
        setMembers(list)
        if (!keep) setPersonId(undefined)
        setError('')
      })
      .catch((err: Error) => setError(err.message))

  const userId = user?.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: loadBuilding is recreated on every render
  useEffect(() => {
    if (userId) loadBuilding()
  }, [userId])

  const pickHousehold = (id: string) => {
    setHouseholdId(id)
    setMembers(null)
    loadMembers(id)
    // The room list was long and the tap far down it: bring the top (the choice, the members) back.
    Promise.resolve()
      .then(() => Taro.pageScrollTo({ scrollTop: 0, duration: 0 }))
      .catch(() => undefined)
  }

  const changeHousehold = () => {
    setHouseholdId(undefined)
    setMembers(null)
    setPersonId(undefined)
    setErrors({})
  }

  const pickMember = (m: Member) => {
    if (m.state === 'outside_working_age') {
      Taro.showToast({ title: '不在工作年龄，不用填写', icon: 'none' })
      return
    }
    setPersonId(m.personId)
    setForm(formFromProfile(m.profile))
    setErrors({})
  }

  const change = (patch: ProfilePatch) => {
    setForm((f) => {
      const next = applyProfilePatch(f, patch)
      // Clear the message of every field this change touched.
      setErrors((e) => {
        const rest = { ...e }
        for (const k of Object.keys(next) as (keyof ProfileForm)[]) if (next[k] !== f[k]) delete rest[k]
        return rest
      })
      return next
    })
  }

  const save = () => {
    if (!householdId || !personId) return
    const checked = checkProfile(form)
    if (!checked.ok) return setErrors(checked.errors)
    setBusy(true)
    saveSeekerProfile(householdId, personId, checked.body)
      .then(() => {
        Taro.showToast({ title: '已保存', icon: 'success' })
        return loadMembers(householdId, personId)
      })
      .catch((err: Error) => {
        const fields = err instanceof ValidationError ? groupProfileErrors(err.fieldErrors) : {}
        setErrors(Object.keys(fields).length ? fields : { form: err.message })
      })
      .finally(() => setBusy(false))
  }

  const units = [...new Set(households.map((h) => h.unitName))]
  const rooms = households.filter((h) => h.unitName === unit)
  const member = members?.find((m) => m.personId === personId)
  const picked = households.find((h) => h.id === householdId)
  const building = buildings.find((b) => b.id === buildingId)

  return (
    <View className="aj-page aj-seeker-for">
      <View className="aj-page__top">
        <View>
          <Text className="aj-title">帮居民填写求职信息</Text>
          {user && <Text className="aj-subtitle">{`${user.name}（${ROLE_LABELS[user.role]}）`}</Text>}
        </View>
      </View>

      {picked && (
        <View className="aj-js-card aj-seeker-picked">
          <Text className="aj-js-l">已选住户：</Text>
          <Text className="aj-js-h">{`${building ? `${building.areaName} ${building.name} ` : ''}${householdChoiceLabel(picked)}`}</Text>
          <View className="aj-button aj-button--plain aj-js-small aj-change-household" onClick={changeHousehold}>
            <Icon name="home" size="sm" />
            <Text>换一户</Text>
          </View>
        </View>
      )}

      {!picked && (
        <>
          {buildings.length > 1 && (
            <>
              <Text className="aj-section-title">1. 哪栋楼？</Text>
              <View className="aj-js-choices">
                {buildings.map((b) => (
                  <View
                    key={b.id}
                    className={`aj-js-choice aj-building-${b.id} ${buildingId === b.id ? 'aj-js-choice--on' : ''}`}
                    onClick={() => loadBuilding(b.id)}
                  >
                    <Text>{mark(buildingId === b.id, `${b.areaName} ${b.name}`)}</Text>
                  </View>
                ))}
              </View>
            </>
          )}

          <Text className="aj-section-title">{`住户${buildings.length === 1 ? `（${buildings[0].name}）` : ''}`}</Text>
          <View className="aj-js-choices">
            {units.map((u) => (
              <View
                key={u}
                className={`aj-js-choice aj-unit ${unit === u ? 'aj-js-choice--on' : ''}`}
                onClick={() => setUnit(u)}
              >
                <Text>{mark(unit === u, u)}</Text>
              </View>
            ))}
          </View>
          <View className="aj-js-choices">
            {rooms.map((h) => (
              <View key={h.id} className={`aj-js-choice aj-household-${h.id}`} onClick={() => pickHousehold(h.id)}>
                <Icon name="home" size="sm" />
                <Text>{householdChoiceLabel(h)}</Text>
              </View>
            ))}
          </View>
        </>
      )}

      {householdId && (
        <>
          <Text className="aj-section-title">给谁填？</Text>
          {members === null && <Text className="aj-empty">正在读取…</Text>}
          {members?.length === 0 && <Text className="aj-empty">这户没有工作年龄（16–65岁）的人</Text>}
          <View className="aj-js-choices">
            {members?.map((m) => (
              <View
                key={m.personId}
                className={`aj-js-choice aj-member-${m.personId} ${personId === m.personId ? 'aj-js-choice--on' : ''}`}
                onClick={() => pickMember(m)}
              >
                <Text>{mark(personId === m.personId, `${m.name}，${m.age}岁 · ${STATE_LABELS[m.state]}`)}</Text>
              </View>
            ))}
          </View>
        </>
      )}

      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {member && (
        <>
          <Text className="aj-js-done">{`正在为 ${member.name} 填写`}</Text>
          <JobProfileForm form={form} errors={errors} onChange={change} voice="they" />
          {errors.form && <Text className="aj-field-error aj-err-form">{errors.form}</Text>}
          <View
            className={`aj-button aj-submit aj-seeker-save ${busy ? 'aj-submit--busy' : ''}`}
            onClick={() => !busy && save()}
          >
            <Text>{busy ? '正在保存…' : `保存 ${member.name} 的求职信息`}</Text>
          </View>
        </>
      )}
    </View>
  )
}
