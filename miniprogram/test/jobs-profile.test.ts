import {
  checkProfile,
  formFromProfile,
  groupProfileErrors,
  onBehalfLine,
  type ProfileForm,
  profileBody,
  toggleSkill,
} from '../src/utils/jobProfile'
import { profile } from './support/jobs'

const blank = (): ProfileForm => formFromProfile()

describe('checkProfile', () => {
  it('asks for the hours, in Chinese, beside that field', () => {
    expect(checkProfile(blank())).toEqual({ ok: false, errors: { availability: '请选择能上班的时间' } })
  })

  it('accepts the hours alone: every other field is optional', () => {
    expect(checkProfile({ ...blank(), availability: 'part_time' })).toEqual({
      ok: true,
      body: { availability: 'part_time', schoolRun: false, skills: [] },
    })
  })

  it('reads typed numbers, full-width digits included, and never turns a blank into 0', () => {
    // Act
    const checked = checkProfile({ ...blank(), availability: 'day', experienceYears: '３', expectedWage: ' ' })
    // Assess
    expect(checked).toMatchObject({ ok: true, body: { experienceYears: 3 } })
    expect(checked.ok && 'expectedWage' in checked.body).toBe(false)
  })

  it.each([
    ['experienceYears', { experienceYears: '80' }, '工作经验（年）应在 0 到 50 之间'],
    ['expectedWage', { expectedWage: '很多' }, '期望月薪（元）'],
  ])('puts a bad %s beside its field', (field, patch, message) => {
    const checked = checkProfile({ ...blank(), availability: 'day', ...patch })
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.errors[field as keyof typeof checked.errors]).toContain(message)
  })
})

describe('the form and the stored profile', () => {
  it('round-trips a stored profile through the form', () => {
    const stored = profile({ physicalLimit: 'light', reading: 'basic' })
    expect(profileBody(formFromProfile(stored))).toEqual({
      availability: 'day',
      schoolRun: true,
      skills: ['mushroom', 'cleaning'],
      experienceYears: '2',
      maxCommuteKm: 3,
      physicalLimit: 'light',
      expectedWage: '2800',
      reading: 'basic',
    })
  })

  it('toggles a skill on and off', () => {
    expect(toggleSkill(['forklift'], 'sewing')).toEqual(['forklift', 'sewing'])
    expect(toggleSkill(['forklift', 'sewing'], 'forklift')).toEqual(['sewing'])
  })

  it('groups the server’s field errors, first message per field', () => {
    expect(
      groupProfileErrors([
        { path: 'skills.2', message: '技能格式不正确' },
        { path: 'skills', message: '技能最多选 10 项' },
        { path: 'maxCommuteKm', message: '最远能去多远（公里）应在 0.5 到 100 之间' },
        { path: 'personId', message: '找不到这个人' },
      ]),
    ).toEqual({
      skills: '技能格式不正确',
      maxCommuteKm: '最远能去多远（公里）应在 0.5 到 100 之间',
      form: '找不到这个人',
    })
  })

  it.each([
    [
      profile({ updatedBy: { userId: 'u-head-5', name: '赵美芬', role: 'building_head', onBehalf: true } }),
      '楼栋长赵美芬帮你填写',
    ],
    [
      profile({ updatedBy: { userId: 'x', name: '周丽琼', role: 'unknown', onBehalf: true } }),
      '工作人员周丽琼帮你填写',
    ],
    [profile(), ''],
    [undefined, ''],
  ])('onBehalfLine of %# is %s', (stored, line) => {
    expect(onBehalfLine(stored)).toBe(line)
  })
})
