import { type CloseTicketRequest, TICKET_CLOSURE_REASON_MAX, TICKET_STATUS_LABELS, TicketOutcome } from '@anju/shared'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import './index.scss'

interface Props {
  busy: boolean
  onSubmit: (body: CloseTicketRequest) => void
}

const HINTS: Record<TicketOutcome, string> = {
  resolved: '比如：电梯已修好，可以正常使用了',
  cannot_handle: '比如：需要更换整栋楼的水管，已上报街道，会另行通知',
  not_our_department: '比如：燃气表由燃气公司负责维修',
}

/**
 * Staff close a ticket with an outcome and a reason written for the resident, who reads it as is;
 * 非本部门 also says whom to contact. The server checks the same schema (CloseTicketRequest).
 */
export default function CloseTicketForm({ busy, onSubmit }: Props) {
  const [outcome, setOutcome] = useState<TicketOutcome | undefined>()
  const [reason, setReason] = useState('')
  const [contact, setContact] = useState('')

  return (
    <View className="aj-close-form">
      <Text className="aj-section-title">结束处理</Text>
      <View className="aj-close-form__outcomes">
        {TicketOutcome.options.map((o) => (
          <View
            key={o}
            className={`aj-outcome aj-outcome-${o} ${outcome === o ? 'aj-outcome--on' : ''}`}
            onClick={() => setOutcome(o)}
          >
            <Text>{outcome === o ? `✓ ${TICKET_STATUS_LABELS[o]}` : TICKET_STATUS_LABELS[o]}</Text>
          </View>
        ))}
      </View>
      {outcome && (
        <View>
          <Text className="aj-close-form__label">给住户的说明（住户能看到）</Text>
          <Textarea
            className="aj-close-reason"
            value={reason}
            maxlength={TICKET_CLOSURE_REASON_MAX * 4}
            placeholder={HINTS[outcome]}
            onInput={(e) => setReason(e.detail.value)}
          />
          {outcome === 'not_our_department' && (
            <View>
              <Text className="aj-close-form__label">住户应该联系谁（部门或电话）</Text>
              <Input
                className="aj-close-contact"
                value={contact}
                placeholder="比如：昭通燃气公司 0870-1234567"
                onInput={(e) => setContact(e.detail.value)}
              />
            </View>
          )}
          <View
            className={`aj-button aj-close ${busy ? 'aj-submit--busy' : ''}`}
            onClick={() => !busy && onSubmit({ outcome, reason, contact: contact === '' ? undefined : contact })}
          >
            <Text>{busy ? '正在提交…' : `确定：${TICKET_STATUS_LABELS[outcome]}`}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
