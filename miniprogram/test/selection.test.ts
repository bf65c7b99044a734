import {
  afterBulk,
  assignOptions,
  bulkSummary,
  EMPTY_SELECTION,
  keepVisible,
  selectionLabel,
  toggleSelected,
} from '../src/utils/selection'

describe('the triage bulk selection', () => {
  it('ticks and unticks cards in the order tapped', () => {
    const a = toggleSelected(EMPTY_SELECTION, 'T1')
    const b = toggleSelected(a, 'T2')
    const c = toggleSelected(b, 'T1')
    expect([a.ids, b.ids, c.ids]).toEqual([['T1'], ['T1', 'T2'], ['T2']])
    expect(c.refused).toBeUndefined()
  })

  it('refuses a 51st card in words and keeps the 50', () => {
    let sel = EMPTY_SELECTION
    for (let i = 0; i < 50; i++) sel = toggleSelected(sel, `T${i}`)
    const over = toggleSelected(sel, 'T50')
    expect(over.ids).toHaveLength(50)
    expect(over.refused).toBe('一次最多选 50 张')
    expect(toggleSelected(over, 'T0').ids).toHaveLength(49)
  })

  it('drops cards that left the list', () => {
    expect(keepVisible({ ids: ['T1', 'T2', 'T3'] }, ['T3', 'T1']).ids).toEqual(['T1', 'T3'])
  })

  it.each([
    [[], '请先选择报修单'],
    [['T1', 'T2'], '交给…（已选 2 张）'],
  ])('labels the button for %j: %s', (ids, label) => {
    expect(selectionLabel({ ids })).toBe(label)
  })

  it('offers the property company, and the staff member themself when signed in', () => {
    expect(assignOptions(null).map((o) => o.label)).toEqual(['物业公司'])
    expect(assignOptions({ id: 'u-staff-mjw', name: '周丽琼' })).toEqual([
      { label: '物业公司', choice: { kind: 'property_company' } },
      { label: '我自己（周丽琼）', choice: { kind: 'person', userId: 'u-staff-mjw' } },
    ])
  })

  it.each([
    [
      [
        { id: 'T1', ok: true },
        { id: 'T2', ok: true },
      ],
      '已交给物业公司 2 张',
      true,
      [],
    ],
    [
      [
        { id: 'T1', ok: true },
        { id: 'T2', ok: false, status: 409, message: '报修单当前状态为“已解决”，无法分派' },
        { id: 'T3', ok: false, status: 409, message: '报修单当前状态为“已解决”，无法分派' },
      ],
      '已交给物业公司 1 张，2 张没有分派：报修单当前状态为“已解决”，无法分派',
      false,
      ['T2', 'T3'],
    ],
    [[{ id: 'T4', ok: false, status: 404 }], '1 张没有分派：未能分派', false, ['T4']],
  ])('says plainly what a bulk assign did (%#)', (results, text, allOk, left) => {
    expect(bulkSummary(results, '物业公司')).toEqual({ text, allOk })
    expect(afterBulk(results).ids).toEqual(left)
  })
})
