import {
  AVAILABILITY_LABELS,
  Availability,
  COMMUTE_CHOICES_KM,
  Literacy,
  MATCH_RULES,
  PHYSICAL_LIMIT_LABELS,
  Physical,
  READING_LABELS,
  SKILL_LABELS,
  Skill,
} from '@anju/shared'
import { Input, Text, View } from '@tarojs/components'
import type { IconName } from '../../assets/icons'
import { type ProfileErrors, type ProfileForm, toggleSkill } from '../../utils/jobProfile'
import Icon from '../Icon'
import './index.scss'

// 我的求职信息 as picture-backed choices: one for the resident's own page and for staff filling it
// in on a resident's behalf (帮居民填写求职信息). The page holds the ProfileForm (utils/jobProfile)
// and sends it; this only draws the fields and the message that belongs beside each.

interface Props {
  form: ProfileForm
  errors: ProfileErrors
  /** A patch, or a function of the latest form (toggles: two taps may come before a re-render). */
  onChange: (patch: ProfilePatch) => void
  /** 'you' on the resident's page, 'they' when staff fill it in for someone. */
  voice?: 'you' | 'they'
}

export type ProfilePatch = Partial<ProfileForm> | ((form: ProfileForm) => Partial<ProfileForm>)

/** The form after a patch (for the page's state updater). */
export function applyProfilePatch(form: ProfileForm, patch: ProfilePatch): ProfileForm {
  return { ...form, ...(typeof patch === 'function' ? patch(form) : patch) }
}

const READING_ICONS: Record<Literacy, IconName> = { none: 'ear', basic: 'eye', fluent: 'eye' }

function Err({ field, errors }: { field: keyof ProfileErrors; errors: ProfileErrors }) {
  const message = errors[field]
  return message ? <Text className={`aj-field-error aj-jpf-err-${field}`}>{message}</Text> : null
}

function Choice(props: { on: boolean; icon?: IconName; label: string; className: string; onTap: () => void }) {
  return (
    <View className={`aj-jpf__choice ${props.className} ${props.on ? 'aj-jpf__choice--on' : ''}`} onClick={props.onTap}>
      {props.icon && <Icon name={props.icon} size="sm" />}
      <Text>{props.on ? `✓ ${props.label}` : props.label}</Text>
    </View>
  )
}

export default function JobProfileForm({ form, errors, onChange, voice = 'you' }: Props) {
  const who = voice === 'you' ? '你' : '他/她'
  return (
    <View className="aj-jpf">
      <Text className="aj-jpf__q">{`1. ${who}什么时间能上班？（必选）`}</Text>
      <View className="aj-jpf__choices">
        {Availability.options.map((a) => (
          <Choice
            key={a}
            className={`aj-jpf-availability-${a}`}
            on={form.availability === a}
            icon={a}
            label={AVAILABILITY_LABELS[a]}
            onTap={() => onChange({ availability: a })}
          />
        ))}
      </View>
      <Err field="availability" errors={errors} />
      <View className="aj-jpf__choices">
        <Choice
          className="aj-jpf-school-run"
          on={form.schoolRun}
          icon="school_run"
          label="要接送孩子上学"
          onTap={() => onChange((f) => ({ schoolRun: !f.schoolRun }))}
        />
      </View>

      <Text className="aj-jpf__q">{`2. ${who}会做什么？（可多选，可不选）`}</Text>
      <View className="aj-jpf__choices">
        {Skill.options.map((s) => (
          <Choice
            key={s}
            className={`aj-jpf-skill-${s}`}
            on={form.skills.includes(s)}
            icon={s}
            label={SKILL_LABELS[s]}
            onTap={() => onChange((f) => ({ skills: toggleSkill(f.skills, s) }))}
          />
        ))}
      </View>
      <Err field="skills" errors={errors} />

      <Text className="aj-jpf__q">3. 干过几年活？（可不填）</Text>
      <Input
        className="aj-jpf__input aj-jpf-experience"
        type="digit"
        value={form.experienceYears}
        placeholder="比如：3"
        onInput={(e) => onChange({ experienceYears: e.detail.value })}
      />
      <Err field="experienceYears" errors={errors} />

      {/* Unchosen, the rule looks within its default distance: said here as on the resident's page. */}
      <Text className="aj-jpf__q">{`4. 最远能去多远？（不选就先按${MATCH_RULES.defaultMaxCommuteKm}公里内找）`}</Text>
      <View className="aj-jpf__choices">
        {COMMUTE_CHOICES_KM.map((km) => (
          <Choice
            key={km}
            className={`aj-jpf-commute-${km}`}
            on={form.maxCommuteKm === km}
            label={`${km} 公里`}
            onTap={() => onChange((f) => ({ maxCommuteKm: f.maxCommuteKm === km ? undefined : km }))}
          />
        ))}
      </View>
      <Err field="maxCommuteKm" errors={errors} />

      <Text className="aj-jpf__q">5. 身体能干什么活？</Text>
      <View className="aj-jpf__choices">
        {Physical.options.map((p) => (
          <Choice
            key={p}
            className={`aj-jpf-physical-${p}`}
            on={form.physicalLimit === p}
            icon={p}
            label={PHYSICAL_LIMIT_LABELS[p]}
            onTap={() => onChange((f) => ({ physicalLimit: f.physicalLimit === p ? undefined : p }))}
          />
        ))}
      </View>
      <Err field="physicalLimit" errors={errors} />

      <Text className="aj-jpf__q">6. 想要每月多少钱？（可不填）</Text>
      <Input
        className="aj-jpf__input aj-jpf-wage"
        type="number"
        value={form.expectedWage}
        placeholder="比如：3000"
        onInput={(e) => onChange({ expectedWage: e.detail.value })}
      />
      <Err field="expectedWage" errors={errors} />

      <Text className="aj-jpf__q">7. 能看懂工作说明吗？</Text>
      <View className="aj-jpf__choices">
        {Literacy.options.map((l) => (
          <Choice
            key={l}
            className={`aj-jpf-reading-${l}`}
            on={form.reading === l}
            icon={READING_ICONS[l]}
            label={READING_LABELS[l]}
            onTap={() => onChange((f) => ({ reading: f.reading === l ? undefined : l }))}
          />
        ))}
      </View>
      <Err field="reading" errors={errors} />
    </View>
  )
}
