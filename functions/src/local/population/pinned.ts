import type { Person } from '@anju/shared'
import { HOUSEHOLDS } from '../fixture'
import { type Built, emptyFacts } from './factors'
import type { IdNumbers } from './identity'
import { ageOn } from './identity'

// The dev accounts' homes, written by hand so their colours do not depend on the seed: the rules
// make resident-1's home red (a serious illness), resident-2's yellow (unstable work), and the
// homes of resident-3 (a Yi family, dotted names) and the green resident green.

type Spec = [
  name: string,
  sex: 'male' | 'female',
  birthDate: string,
  relation: Person['relation'],
  rest: Partial<Person>,
]

const SPECS: Record<string, { ethnicity: string; countyIndex: number; userId: string; members: Spec[] }> = {
  [HOUSEHOLDS.h5_1_0302.id]: {
    ethnicity: '汉族',
    countyIndex: 1,
    userId: 'u-resident-1',
    members: [
      ['李秀英', 'female', '1972-04-16', 'head', { employment: 'stable', monthlyIncome: 2600, literacy: 'basic' }],
      [
        '张国富',
        'male',
        '1969-09-02',
        'spouse',
        { employment: 'unable', monthlyIncome: 0, health: 'serious', literacy: 'basic' },
      ],
      ['张磊', 'male', '1998-01-23', 'child', { employment: 'stable', monthlyIncome: 4200, literacy: 'fluent' }],
    ],
  },
  [HOUSEHOLDS.h6_2_1101.id]: {
    ethnicity: '汉族',
    countyIndex: 0,
    userId: 'u-resident-2',
    members: [
      ['王德富', 'male', '1977-06-11', 'head', { employment: 'unstable', monthlyIncome: 2800, literacy: 'basic' }],
      ['张秀芬', 'female', '1979-03-30', 'spouse', { employment: 'stable', monthlyIncome: 2800, literacy: 'basic' }],
      ['王欣怡', 'female', '2011-10-05', 'child', { employment: 'student', monthlyIncome: 0, literacy: 'fluent' }],
    ],
  },
  [HOUSEHOLDS.h5_2_0501.id]: {
    ethnicity: '彝族',
    countyIndex: 0,
    userId: 'u-resident-3',
    members: [
      ['沙马·阿果', 'female', '1990-02-14', 'head', { employment: 'stable', monthlyIncome: 2900, literacy: 'basic' }],
      ['吉克·木呷', 'male', '1987-11-20', 'spouse', { employment: 'stable', monthlyIncome: 5200, literacy: 'basic' }],
      ['沙马·尔布', 'male', '2014-05-09', 'child', { employment: 'student', monthlyIncome: 0, literacy: 'fluent' }],
      ['吉克·阿依', 'female', '2018-08-01', 'child', { employment: 'student', monthlyIncome: 0, literacy: 'basic' }],
    ],
  },
  [HOUSEHOLDS.h6_1_0604.id]: {
    ethnicity: '汉族',
    countyIndex: 1,
    userId: 'u-resident-green',
    members: [
      ['孔祥芝', 'female', '1982-07-07', 'head', { employment: 'stable', monthlyIncome: 2600, literacy: 'basic' }],
      ['朱正华', 'male', '1980-12-12', 'spouse', { employment: 'stable', monthlyIncome: 3400, literacy: 'basic' }],
      ['朱浩', 'male', '2006-03-03', 'child', { employment: 'stable', monthlyIncome: 3000, literacy: 'fluent' }],
    ],
  },
}

export const PINNED_HOUSEHOLD_IDS = Object.keys(SPECS)

export function pinnedHousehold(householdId: string, today: string, ids: IdNumbers) {
  const spec = SPECS[householdId]
  const members: Person[] = spec.members.map(([name, sex, birthDate, relation, rest], i) => ({
    id: `${householdId}-p${i + 1}`,
    name,
    idNumber: ids.next(spec.countyIndex, birthDate, sex),
    sex,
    birthDate,
    age: ageOn(birthDate, today),
    relation,
    ethnicity: spec.ethnicity,
    literacy: 'basic',
    health: 'healthy',
    disability: 'none',
    employment: 'stable',
    monthlyIncome: 0,
    leftBehindChild: false,
    childInDifficulty: false,
    awayForWork: false,
    ...(i === 0 ? { userId: spec.userId } : {}),
    ...rest,
  }))
  const built: Built = {
    baseline: structuredClone(members),
    now: emptyFacts(members),
  }
  return { built, ethnicity: spec.ethnicity, countyIndex: spec.countyIndex }
}
