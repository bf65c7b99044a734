import { assigneeLabel, isOpenTicket, PERSONAL_DATA_LABELS, redactPersonalData, type StaffTicket } from '@anju/shared'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { useSignedInUser } from '../../hooks/useSignedInUser'
import { assignTicket, hideTicket, redactTicket, unhideTicket } from '../../services/tickets'
import './index.scss'

interface Props {
  ticket: StaffTicket
  busy: boolean
  /** The page's way of running a change: busy state, toast, refusal shown, timeline reloaded. */
  act: (run: () => Promise<StaffTicket>, done: string) => void
}

// Hiding and redacting are for community staff and above (decision 067); the server decides.
const MODERATORS = ['community_staff', 'subdistrict_admin']

/** On the staff ticket page: 交给物业公司 / 我来负责, and for community staff 隐藏 and 隐去个人信息. */
export default function TicketModeration({ ticket, busy, act }: Props) {
  const me = useSignedInUser()
  const [reason, setReason] = useState('')
  const [redacting, setRedacting] = useState<string | null>(null)
  const moderator = me !== null && MODERATORS.includes(me.role)
  const suggestion = redactPersonalData(ticket.description)
  // The editor closes when the saved text comes back, not on the tap: a refusal keeps what was
  // typed, and the tap's echo on H5 cannot land on the 隐去个人信息 button that would take its place.
  const [shownDescription, setShownDescription] = useState(ticket.description)
  if (shownDescription !== ticket.description) {
    setShownDescription(ticket.description)
    setRedacting(null)
  }

  return (
    <View className="aj-moderation">
      {isOpenTicket(ticket) && (
        <>
          <Text className="aj-section-title">{`分派（${assigneeLabel(ticket.assignee)}）`}</Text>
          <View className="aj-moderation__row">
            <View
              className="aj-button aj-button--plain aj-assign-property"
              onClick={() =>
                !busy && act(() => assignTicket(ticket.id, { kind: 'property_company' }), '已交给物业公司')
              }
            >
              <Text>交给物业公司</Text>
            </View>
            {me && (
              <View
                className="aj-button aj-button--plain aj-assign-me"
                onClick={() =>
                  !busy && act(() => assignTicket(ticket.id, { kind: 'person', userId: me.id }), '由我负责')
                }
              >
                <Text>我来负责</Text>
              </View>
            )}
          </View>
        </>
      )}
      {moderator && (
        <>
          <Text className="aj-section-title">管理</Text>
          {ticket.hidden ? (
            <View className="aj-moderation__row">
              <Text className="aj-moderation__note aj-hidden-note">{`已隐藏：${ticket.hidden.reason}`}</Text>
              <View
                className="aj-button aj-button--plain aj-unhide"
                onClick={() => !busy && act(() => unhideTicket(ticket.id), '已取消隐藏')}
              >
                <Text>取消隐藏</Text>
              </View>
            </View>
          ) : (
            <View className="aj-moderation__row">
              <Input
                className="aj-input aj-hide-reason"
                value={reason}
                placeholder="隐藏原因，比如：辱骂他人"
                onInput={(e) => setReason(e.detail.value)}
              />
              <View
                className="aj-button aj-button--plain aj-hide"
                onClick={() => !busy && act(() => hideTicket(ticket.id, reason), '已隐藏')}
              >
                <Text>隐藏</Text>
              </View>
            </View>
          )}
          {redacting === null ? (
            <View className="aj-button aj-button--plain aj-redact-open" onClick={() => setRedacting(suggestion.text)}>
              <Text>
                {suggestion.found.length > 0
                  ? `隐去个人信息（发现 ${[...new Set(suggestion.found.map((k) => PERSONAL_DATA_LABELS[k]))].join('、')}）`
                  : '隐去个人信息'}
              </Text>
            </View>
          ) : (
            <View className="aj-redact">
              <Text className="aj-moderation__note">改成（只能删去原文中的字，或用＊遮住）：</Text>
              <Textarea
                className="aj-textarea aj-redact-text"
                value={redacting}
                maxlength={500}
                onInput={(e) => setRedacting(e.detail.value)}
              />
              <View className="aj-moderation__row">
                <View
                  className="aj-button aj-redact-save"
                  onClick={() => !busy && act(() => redactTicket(ticket.id, redacting), '已隐去')}
                >
                  <Text>保存</Text>
                </View>
                <View className="aj-button aj-button--plain" onClick={() => setRedacting(null)}>
                  <Text>取消</Text>
                </View>
              </View>
            </View>
          )}
        </>
      )}
    </View>
  )
}
