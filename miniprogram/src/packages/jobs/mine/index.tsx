import type { MyJobsResponse } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import Icon from '../../../components/Icon'
import JobCard from '../../../components/JobCard'
import ReadAloud from '../../../components/ReadAloud'
import { useSignedInUser } from '../../../hooks/useSignedInUser'
import { resendApplies } from '../../../services/jobApplySync'
import { listMyJobs } from '../../../services/jobs'
import { PAGES } from '../../../services/routes'
import { getToken } from '../../../services/session'
import { spokenMine } from '../../../utils/jobDetail'
import { dateLabel, myCardOf, NOTE_ICON, noteLine, noteWhen, statusOf } from '../../../utils/jobs'
import './index.scss'

// 我的投递: each application with its status in words and a picture and the community's latest
// note to the resident (社区的话: where and when to report), then what the community recommended
// (with the note staff wrote, when any). A closed or expired posting says so on its card.

export default function MyJobs() {
  useSignedInUser()
  const [mine, setMine] = useState<MyJobsResponse | null>(null)
  const [error, setError] = useState('')

  const load = () => {
    if (!getToken()) return
    listMyJobs()
      .then((m) => {
        setMine(m)
        setError('')
      })
      .catch((err: Error) => setError(err.message))
  }

  useDidShow(() => {
    // A pending application first, so the list shows it once it lands.
    resendApplies()
      .catch(() => undefined)
      .finally(load)
  })

  const open = (id: string) => Taro.navigateTo({ url: `${PAGES.job}?id=${encodeURIComponent(id)}` })

  return (
    <View className="aj-page aj-my-jobs">
      <View className="aj-page__top">
        <Text className="aj-title">我的投递</Text>
        <ReadAloud text={mine ? spokenMine(mine) : '正在读取我的投递。'} />
      </View>
      {error !== '' && <Text className="aj-field-error">{error}</Text>}
      {mine === null && error === '' && <Text className="aj-empty">正在读取…</Text>}

      {mine && (
        <View>
          <Text className="aj-section-title">我报名的工作</Text>
          {mine.applications.length === 0 && (
            <View className="aj-my-jobs__empty">
              <Text className="aj-empty">还没有报名</Text>
              <View className="aj-button aj-button--plain" onClick={() => Taro.navigateTo({ url: PAGES.jobs })}>
                <Icon name="job" size="sm" />
                <Text>去找工作</Text>
              </View>
            </View>
          )}
          {mine.applications.map((a) => (
            <JobCard
              key={a.postingId}
              card={myCardOf(a.posting, { status: statusOf(a.status) })}
              className={`aj-application aj-application-${a.postingId}`}
              onClick={() => open(a.postingId)}
            >
              <Text className="aj-my-jobs__when">{`报名时间：${dateLabel(a.appliedAt)}`}</Text>
              {a.note && (
                <View className="aj-job-note aj-my-jobs__community-note">
                  <Icon name={NOTE_ICON} size="sm" />
                  <View className="aj-job-note__body">
                    <Text className="aj-job-note__text">{noteLine(a.note)}</Text>
                    <Text className="aj-job-note__when">{noteWhen(a.note)}</Text>
                  </View>
                </View>
              )}
            </JobCard>
          ))}

          {mine.recommendations.length > 0 && <Text className="aj-section-title">社区为你推荐</Text>}
          {mine.recommendations.map((r) => (
            <JobCard
              key={r.posting.id}
              card={myCardOf(r.posting, { recommended: true })}
              className={`aj-recommendation aj-recommendation-${r.posting.id}`}
              onClick={() => open(r.posting.id)}
            >
              {r.note && <Text className="aj-my-jobs__note">{`社区的话：${r.note}`}</Text>}
            </JobCard>
          ))}
        </View>
      )}
    </View>
  )
}
