// A bounded min-heap that keeps the k best (score, index) pairs in O(n log k) without sorting
// everything; ties go to the lower index so results are deterministic.

export class TopK {
  private readonly scores: Float64Array
  private readonly indices: Int32Array
  size = 0

  constructor(readonly k: number) {
    this.scores = new Float64Array(k)
    this.indices = new Int32Array(k)
  }

  /** Whether entry a is worse than entry b. */
  private worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib)
  }

  push(score: number, index: number): void {
    if (this.k === 0) return
    if (this.size < this.k) {
      let i = this.size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!this.worse(score, index, this.scores[parent], this.indices[parent])) break
        this.scores[i] = this.scores[parent]
        this.indices[i] = this.indices[parent]
        i = parent
      }
      this.scores[i] = score
      this.indices[i] = index
      return
    }
    if (!this.worse(this.scores[0], this.indices[0], score, index)) return
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      if (l >= this.size) break
      const r = l + 1
      const c = r < this.size && this.worse(this.scores[r], this.indices[r], this.scores[l], this.indices[l]) ? r : l
      if (!this.worse(this.scores[c], this.indices[c], score, index)) break
      this.scores[i] = this.scores[c]
      this.indices[i] = this.indices[c]
      i = c
    }
    this.scores[i] = score
    this.indices[i] = index
  }

  /** The kept entries, best first. */
  sorted(): { score: number; index: number }[] {
    const out: { score: number; index: number }[] = []
    for (let i = 0; i < this.size; i++) out.push({ score: this.scores[i], index: this.indices[i] })
    return out.sort((a, b) => b.score - a.score || a.index - b.index)
  }
}
