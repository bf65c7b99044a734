import { clearCommentDraft, loadCommentDraft, saveCommentDraft } from '../src/services/commentDraft'
import type { DraftStorage } from '../src/services/draft'
import { spokenTimeline, type TimelineEvent, timelineLine } from '../src/utils/timeline'

const base = {
  ticketId: 't1',
  at: '2026-12-03T10:00:00.000+08:00',
  actorName: '赵美芬',
  actorRole: 'building_head',
} as const
const e = (id: string, extra: Partial<TimelineEvent>): TimelineEvent =>
  ({ id, kind: 'status', public: true, ...base, ...extra }) as TimelineEvent

describe('timelineLine', () => {
  it.each([
    [e('1', { kind: 'filed', actorRole: 'resident', actorName: '李秀英', byMe: true }), '您提交了报修', 'repair'],
    [e('2', { to: 'acknowledged' }), '赵美芬：已受理', 'check'],
    [e('3', { to: 'resolved', text: '电梯已修好' }), '赵美芬：已解决。电梯已修好', 'done'],
    [e('4', { kind: 'update', text: '下午来修' }), '赵美芬说：下午来修', 'speaker'],
    [e('5', { kind: 'note', public: false, text: '老人独居' }), '内部备注（赵美芬）：老人独居', 'desk'],
    [
      e('6', { kind: 'followed', actorRole: 'resident', actorName: '其他住户', byMe: false }),
      '又有一户居民遇到同样的问题',
      'home',
    ],
    [e('7', { kind: 'followed', actorRole: 'resident', byMe: true }), '您也遇到了这个问题，有进展会通知您', 'home'],
    [e('8', { kind: 'rated', actorRole: 'resident', byMe: true, rating: 'partly' }), '您评价：基本解决', 'check'],
    [
      e('9', { kind: 'reopened', actorRole: 'resident', actorName: '其他住户', rating: 'unsolved' }),
      '其他住户评价：没解决，已重新交给工作人员',
      'progress',
    ],
    [
      e('10', { kind: 'update', actorRole: 'resident', actorName: '李秀英', text: '晚上也停' }),
      '住户李秀英说：晚上也停',
      'speaker',
    ],
    [e('11', { kind: 'update', actorRole: 'resident', actorName: '其他住户' }), '其他住户补充了说明', 'speaker'],
  ])('%#: %s', (event, text, icon) => {
    expect(timelineLine(event)).toMatchObject({ text, icon, internal: !event.public })
  })

  it('reads the whole timeline aloud in order', () => {
    const events = [e('1', { to: 'acknowledged' }), e('2', { kind: 'update', text: '下午来修' })]
    expect(spokenTimeline(events)).toBe('赵美芬：已受理。赵美芬说：下午来修。')
  })
})

describe('comment drafts', () => {
  const memory = (): DraftStorage => {
    const m = new Map<string, unknown>()
    return { get: (k) => m.get(k), set: (k, v) => m.set(k, v), remove: (k) => m.delete(k) }
  }

  it('keeps the text and the key per ticket until cleared', () => {
    const s = memory()
    saveCommentDraft(s, 't1', { text: '晚上也停了', idempotencyKey: 'k-1234567890', public: true })
    expect(loadCommentDraft(s, 't1')).toEqual({ text: '晚上也停了', idempotencyKey: 'k-1234567890', public: true })
    expect(loadCommentDraft(s, 't2')).toBeUndefined()
    clearCommentDraft(s, 't1')
    expect(loadCommentDraft(s, 't1')).toBeUndefined()
  })

  it('ignores a damaged draft and nobody signed in', () => {
    const s = memory()
    s.set('anju.commentDraft.t1', { text: 3 })
    expect(loadCommentDraft(s, 't1')).toBeUndefined()
    expect(loadCommentDraft(null, 't1')).toBeUndefined()
  })
})
