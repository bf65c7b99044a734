import {
  type BuildingChoice,
  LITERACY_LABELS,
  Literacy,
  PHYSICAL_LABELS,
  Physical,
  POSTING_TEXT,
  SKILL_LABELS,
  Skill,
} from '@anju/shared'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import {
  defaultExpiry,
  HOURS,
  hourText,
  type PostingErrors,
  type PostingForm,
  toggleSkill,
} from '../../../utils/postingForm'

// The fields of 新建岗位 / 修改岗位, each with the message that belongs to it right below.

interface Props {
  form: PostingForm
  errors: PostingErrors
  buildings: BuildingChoice[]
  /** A patch, or a function of the latest form (toggles: two taps may come before a re-render). */
  onChange: (patch: Partial<PostingForm> | ((form: PostingForm) => Partial<PostingForm>)) => void
}

const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label)

function Err({ field, errors }: { field: keyof PostingErrors; errors: PostingErrors }) {
  const message = errors[field]
  return message ? <Text className={`aj-field-error aj-err-${field}`}>{message}</Text> : null
}

function Label({ children }: { children: ReactNode }) {
  return <Text className="aj-js-label">{children}</Text>
}

export default function Fields({ form, errors, buildings, onChange }: Props) {
  const text = (field: keyof PostingForm, placeholder: string, type: 'text' | 'digit' | 'number' = 'text') => (
    <Input
      className={`aj-js-input aj-in-${field}`}
      type={type}
      value={String(form[field] ?? '')}
      placeholder={placeholder}
      onInput={(e) => onChange({ [field]: e.detail.value })}
    />
  )
  const skills = (list: 'skills' | 'niceSkills') => (
    <View className="aj-js-choices">
      {Skill.options.map((s) => (
        <View
          key={s}
          className={`aj-js-choice aj-${list}-${s} ${form[list].includes(s) ? 'aj-js-choice--on' : ''}`}
          onClick={() =>
            onChange((latest) => {
              const next = toggleSkill(latest, list, s)
              if (next.refused) Taro.showToast({ title: next.refused, icon: 'none' })
              return { skills: next.form.skills, niceSkills: next.form.niceSkills }
            })
          }
        >
          <Text>{mark(form[list].includes(s), SKILL_LABELS[s])}</Text>
        </View>
      ))}
    </View>
  )
  const hour = (field: 'startHour' | 'endHour') => (
    <Picker
      className={`aj-js-picker aj-in-${field}`}
      mode="selector"
      range={HOURS.map((h) => `${h}:00`)}
      // An untouched picker opens on 8:00 / 17:00: the usual day shift is two taps of 确定.
      value={form[field] ?? (field === 'startHour' ? 8 : 17)}
      onChange={(e) => onChange({ [field]: HOURS[Number(e.detail.value)] })}
    >
      <Text>{hourText(form[field])}</Text>
    </Picker>
  )

  return (
    <View className="aj-posting-fields">
      <Label>用工单位</Label>
      {text('employer', `比如：昭通某某食品厂（${POSTING_TEXT.employer} 字以内）`)}
      <Err field="employer" errors={errors} />
      <Label>岗位名称</Label>
      {text('title', '比如：包装工')}
      <Err field="title" errors={errors} />
      <Label>岗位说明（可不填）</Label>
      <Textarea
        className="aj-js-input aj-js-input--long aj-in-description"
        value={form.description}
        maxlength={POSTING_TEXT.description * 4}
        placeholder="做什么、在哪里上班、管不管饭"
        onInput={(e) => onChange({ description: e.detail.value })}
      />
      <Err field="description" errors={errors} />

      <Label>工作地点</Label>
      <View className="aj-js-choices">
        {buildings.map((b) => {
          const on = form.placeKind === 'building' && form.buildingId === b.id
          return (
            <View
              key={b.id}
              className={`aj-js-choice aj-place-${b.id} ${on ? 'aj-js-choice--on' : ''}`}
              onClick={() => onChange({ placeKind: 'building', buildingId: b.id })}
            >
              <Text>{mark(on, `${b.areaName} ${b.name}`)}</Text>
            </View>
          )
        })}
        <View
          className={`aj-js-choice aj-place-offsite ${form.placeKind === 'offsite' ? 'aj-js-choice--on' : ''}`}
          onClick={() => onChange({ placeKind: 'offsite', buildingId: undefined })}
        >
          <Text>{mark(form.placeKind === 'offsite', '外地（小区以外）')}</Text>
        </View>
      </View>
      <Err field="place" errors={errors} />
      {form.placeKind === 'offsite' && (
        <View>
          <Label>外地地点</Label>
          {text('placeName', '比如：昭阳工业园区')}
          <Err field="placeName" errors={errors} />
          <Label>离社区多远（公里）</Label>
          {text('distanceKm', '比如：12', 'digit')}
          <Err field="distanceKm" errors={errors} />
        </View>
      )}

      <View className="aj-js-row">
        <View>
          <Label>最低月薪（元）</Label>
          {text('wageMin', '比如：2800', 'number')}
          <Err field="wageMin" errors={errors} />
        </View>
        <View>
          <Label>最高月薪（元）</Label>
          {text('wageMax', '比如：3500', 'number')}
          <Err field="wageMax" errors={errors} />
        </View>
      </View>
      <View className="aj-js-row">
        <View>
          <Label>上班时间</Label>
          {hour('startHour')}
          <Err field="startHour" errors={errors} />
        </View>
        <View>
          <Label>下班时间</Label>
          {hour('endHour')}
          <Err field="endHour" errors={errors} />
        </View>
      </View>

      <Label>体力要求</Label>
      <View className="aj-js-choices">
        {Physical.options.map((p) => (
          <View
            key={p}
            className={`aj-js-choice aj-physical-${p} ${form.physical === p ? 'aj-js-choice--on' : ''}`}
            onClick={() => onChange({ physical: p })}
          >
            <Text>{mark(form.physical === p, PHYSICAL_LABELS[p])}</Text>
          </View>
        ))}
      </View>
      <Err field="physical" errors={errors} />

      <Label>必需技能（可不选）</Label>
      {skills('skills')}
      <Err field="skills" errors={errors} />
      <Label>会更好的技能（加分，可不选）</Label>
      {skills('niceSkills')}
      <Err field="niceSkills" errors={errors} />

      <Label>经验要求（年，可不填）</Label>
      {text('minExperienceYears', '不要求经验就空着', 'digit')}
      <Err field="minExperienceYears" errors={errors} />
      <Label>认字要求</Label>
      <View className="aj-js-choices">
        {Literacy.options.map((l) => (
          <View
            key={l}
            className={`aj-js-choice aj-literacy-${l} ${form.literacy === l ? 'aj-js-choice--on' : ''}`}
            onClick={() => onChange({ literacy: l })}
          >
            <Text>{mark(form.literacy === l, l === 'none' ? '不要求认字' : LITERACY_LABELS[l])}</Text>
          </View>
        ))}
      </View>
      <Err field="literacy" errors={errors} />

      <View className="aj-js-row">
        <View>
          <Label>最低年龄（可不填）</Label>
          {text('minAge', '比如：18', 'number')}
          <Err field="minAge" errors={errors} />
        </View>
        <View>
          <Label>最高年龄（可不填）</Label>
          {text('maxAge', '比如：55', 'number')}
          <Err field="maxAge" errors={errors} />
        </View>
      </View>
      <Label>招聘人数</Label>
      {text('headcount', '比如：5', 'number')}
      <Err field="headcount" errors={errors} />
      <Label>报名截止日期</Label>
      <Picker
        className="aj-js-picker aj-in-expiresOn"
        mode="date"
        value={form.expiresOn || defaultExpiry()}
        onChange={(e) => onChange({ expiresOn: String(e.detail.value) })}
      >
        <Text>{form.expiresOn || '请选择日期'}</Text>
      </Picker>
      <Err field="expiresOn" errors={errors} />
      <Label>联系电话（可不填）</Label>
      {text('contactPhone', '手机号，或带区号的座机', 'text')}
      <Err field="contactPhone" errors={errors} />
    </View>
  )
}
