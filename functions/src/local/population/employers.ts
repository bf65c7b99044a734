import type { JobPosting, Skill } from '@anju/shared'

// Invented employers of the kinds SEED.md names, with the jobs they post and the wage range of
// each (yuan a month, Ludian 2025). jobs.ts turns them into postings.

type Template = {
  title: string
  skills: Skill[]
  wage: [number, number]
  physical: JobPosting['physical']
  literacy: JobPosting['literacy']
  hours: [number, number]
  minExp?: number
  age?: [number, number]
  /** Skills that help but are not required (会更好). */
  nice?: Skill[]
}

/** Off-site employers: where the work is and how far it is from the community (km, a range). */
type Offsite = { placeName: string; km: [number, number] }

export const EMPLOYERS: { name: string; kind: string; offsite?: Offsite; jobs: Template[] }[] = [
  {
    name: '砚池食用菌基质加工厂',
    kind: 'factory',
    offsite: { placeName: '鲁甸县工业园区', km: [6, 9] },
    jobs: [
      {
        title: '叉车司机',
        skills: ['forklift'],
        wage: [5000, 5800],
        physical: 'moderate',
        literacy: 'basic',
        hours: [8, 17],
        minExp: 1,
        age: [20, 55],
      },
      {
        title: '基质装袋工',
        skills: ['mushroom'],
        wage: [3000, 3600],
        physical: 'heavy',
        literacy: 'none',
        hours: [7, 16],
        age: [18, 55],
      },
      {
        title: '菌包灭菌操作工',
        skills: ['mushroom'],
        wage: [3400, 4000],
        physical: 'moderate',
        literacy: 'basic',
        hours: [20, 6],
        age: [20, 50],
      },
      {
        title: '仓库搬运工',
        skills: ['warehouse'],
        nice: ['forklift'],
        wage: [3200, 3800],
        physical: 'heavy',
        literacy: 'none',
        hours: [8, 17],
        age: [18, 50],
      },
    ],
  },
  ...['卯家湾惠民超市', '新城便民超市', '砚池好又多超市'].map((name) => ({
    name,
    kind: 'supermarket',
    jobs: [
      {
        title: '收银员',
        skills: ['cashier'] as Skill[],
        nice: ['computer'] as Skill[],
        wage: [2600, 3100] as [number, number],
        physical: 'light' as const,
        literacy: 'basic' as const,
        hours: [9, 18] as [number, number],
        age: [18, 45] as [number, number],
      },
      {
        title: '理货员',
        skills: ['retail'] as Skill[],
        nice: ['warehouse'] as Skill[],
        wage: [2500, 2900] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [7, 15] as [number, number],
      },
      {
        title: '生鲜区保洁',
        skills: ['cleaning'] as Skill[],
        wage: [2200, 2500] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [6, 12] as [number, number],
      },
    ],
  })),
  ...[
    ['砚池蔬菜大棚合作社', '砚池村蔬菜大棚', 3, 5],
    ['桃源村草莓大棚基地', '桃源村草莓基地', 9, 14],
  ].map(([name, placeName, near, far]) => ({
    name: name as string,
    kind: 'greenhouse',
    offsite: { placeName: placeName as string, km: [near, far] as [number, number] },
    jobs: [
      {
        title: '大棚种植工',
        skills: ['greenhouse', 'farming'] as Skill[],
        wage: [2400, 3000] as [number, number],
        physical: 'moderate' as const,
        literacy: 'none' as const,
        hours: [7, 16] as [number, number],
      },
      {
        title: '采摘分拣工（季节性）',
        skills: ['farming'] as Skill[],
        wage: [2200, 2700] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [8, 14] as [number, number],
      },
    ],
  })),
  ...[
    ['卯家湾帮扶车间（服装加工）', 'sewing'],
    ['砚池帮扶车间（民族刺绣）', 'embroidery'],
    ['新城帮扶车间（手工编织）', 'handicraft'],
  ].map(([name, skill]) => ({
    name,
    kind: 'workshop',
    jobs: [
      {
        title: '计件工',
        skills: [skill] as Skill[],
        wage: [2000, 3000] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [8, 17] as [number, number],
      },
      {
        title: '半天工（可接送孩子）',
        skills: [skill] as Skill[],
        wage: [1500, 1900] as [number, number],
        physical: 'light' as const,
        literacy: 'none' as const,
        hours: [9, 15] as [number, number],
      },
    ],
  })),
  ...['安居新城物业服务有限公司', '砚池物业管理有限公司'].map((name) => ({
    name,
    kind: 'property',
    jobs: [
      {
        title: '保洁员',
        skills: ['cleaning'] as Skill[],
        nice: ['elderly_care'] as Skill[],
        wage: [2200, 2600] as [number, number],
        physical: 'moderate' as const,
        literacy: 'none' as const,
        hours: [7, 16] as [number, number],
      },
      {
        title: '保安',
        skills: ['security'] as Skill[],
        wage: [2600, 3200] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [19, 7] as [number, number],
        age: [20, 58] as [number, number],
      },
      {
        title: '水电维修工',
        skills: ['plumbing', 'electrician'] as Skill[],
        wage: [3500, 4500] as [number, number],
        physical: 'moderate' as const,
        literacy: 'basic' as const,
        hours: [8, 17] as [number, number],
        minExp: 2,
      },
      {
        title: '电梯安全员',
        skills: ['electrician'] as Skill[],
        wage: [3600, 4200] as [number, number],
        physical: 'light' as const,
        literacy: 'fluent' as const,
        hours: [8, 17] as [number, number],
        minExp: 1,
      },
    ],
  })),
]
