import type { AssigneeChoice } from '@anju/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { assignTickets } from '../../services/tickets'
import { afterBulk, assignOptions, bulkSummary, type Selection, selectionLabel } from '../../utils/selection'
import './index.scss'

interface Props {
  me: { id: string; name: string } | null
  selection: Selection
  /** After the server answered: what is left selected (the tickets that did not go). */
  onAssigned: (left: Selection) => void
}

/** The 交给… bar of the triage inbox's 选择 mode: pick 物业公司 or oneself, then one bulk request. */
export default function BulkAssign({ me, selection, onAssigned }: Props) {
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState('')
  const empty = selection.ids.length === 0

  const assign = async (label: string, choice: AssigneeChoice) => {
    setOpen(false)
    setBusy(true)
    try {
      const results = await assignTickets(selection.ids, choice)
      const summary = bulkSummary(results, label.replace(/（.*）$/, ''))
      setResult(summary.text)
      Taro.showToast({ title: summary.text, icon: summary.allOk ? 'success' : 'none', duration: 3000 })
      onAssigned(afterBulk(results))
    } catch (err) {
      setResult((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="aj-bulk">
      {result !== '' && <Text className="aj-bulk__result">{result}</Text>}
      {open && (
        <View className="aj-bulk__sheet">
          {assignOptions(me).map((o) => (
            <View
              key={o.label}
              className={`aj-button aj-bulk__to aj-assign-to-${o.choice.kind}`}
              onClick={() => assign(o.label, o.choice)}
            >
              <Text>{o.label}</Text>
            </View>
          ))}
          <View className="aj-button aj-button--plain aj-bulk__cancel" onClick={() => setOpen(false)}>
            <Text>取消</Text>
          </View>
        </View>
      )}
      <View
        className={`aj-button aj-bulk__open ${empty || busy ? 'aj-button--disabled' : ''}`}
        onClick={() => !empty && !busy && setOpen(true)}
      >
        <Text>{busy ? '正在分派…' : selectionLabel(selection)}</Text>
      </View>
    </View>
  )
}
