import { TICKET_COMMENT_MAX } from '@anju/shared'
import { Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { clearCommentDraft, loadCommentDraft, saveCommentDraft } from '../../services/commentDraft'
import { ApiError, ValidationError } from '../../services/errors'
import { myDraftStorage } from '../../services/storage'
import { newIdempotencyKey } from '../../utils/ids'
import './index.scss'

interface Props {
  ticketId: string
  /** Staff choose 告诉住户 (public) or 内部备注; residents only add to what they reported. */
  staff: boolean
  send: (body: { text: string; public: boolean; idempotencyKey: string }) => Promise<void>
}

const KEPT = '网络不好，内容已保留，请再点一次发送'

/**
 * A comment box that never loses what was typed: until the server has it, the text and its key
 * are kept (also across closing the page), and a resend uses the same key.
 */
export default function CommentBox({ ticketId, staff, send }: Props) {
  const [text, setText] = useState('')
  const [key, setKey] = useState(newIdempotencyKey)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const kept = loadCommentDraft(myDraftStorage(), ticketId)
    if (!kept) return
    setText(kept.text)
    setKey(kept.idempotencyKey)
    setMessage(KEPT)
  }, [ticketId])

  const submit = (isPublic: boolean) => {
    if (busy) return
    setBusy(true)
    saveCommentDraft(myDraftStorage(), ticketId, { text, idempotencyKey: key, public: isPublic })
    send({ text, public: isPublic, idempotencyKey: key })
      .then(() => {
        clearCommentDraft(myDraftStorage(), ticketId)
        setText('')
        setKey(newIdempotencyKey())
        setMessage('')
      })
      .catch((err: Error) => {
        if (err instanceof ValidationError) {
          // Nothing was posted: the text is wrong, not the network. Keep it for editing.
          clearCommentDraft(myDraftStorage(), ticketId)
          setMessage(err.fieldErrors[0]?.message ?? err.message)
        } else setMessage(err instanceof ApiError && err.status < 500 ? err.message : KEPT)
      })
      .finally(() => setBusy(false))
  }

  return (
    <View className="aj-comment-box">
      <Text className="aj-section-title">{staff ? '写进展或备注' : '补充说明'}</Text>
      <Textarea
        className="aj-comment-text"
        value={text}
        maxlength={TICKET_COMMENT_MAX * 4}
        placeholder={staff ? '比如：已通知电梯公司，下午三点来修' : '比如：晚上也停了'}
        onInput={(e) => setText(e.detail.value)}
      />
      {message !== '' && <Text className="aj-field-error aj-comment-message">{message}</Text>}
      <View className="aj-comment-box__actions">
        <View className="aj-button aj-comment-public" onClick={() => submit(true)}>
          <Text>{busy ? '正在发送…' : staff ? '告诉住户' : '发送'}</Text>
        </View>
        {staff && (
          <View className="aj-button aj-button--plain aj-comment-internal" onClick={() => submit(false)}>
            <Text>内部备注（住户看不到）</Text>
          </View>
        )}
      </View>
    </View>
  )
}
