import type { Rng } from './prng'

// Invented names. Surnames and given-name characters common in north-east Yunnan; Yi names in
// their transliterated two-part form joined by a middle dot (沙马·阿果); a few given-name
// characters outside the Basic Multilingual Plane, as real registers have, so every text path
// (lengths, truncation, sorting) meets surrogate pairs.

const SURNAMES = [
  ['王', 9],
  ['李', 9],
  ['张', 8],
  ['陈', 5],
  ['刘', 5],
  ['杨', 7],
  ['赵', 4],
  ['黄', 3],
  ['周', 3],
  ['吴', 3],
  ['马', 8],
  ['朱', 4],
  ['孔', 4],
  ['胡', 3],
  ['何', 3],
  ['罗', 4],
  ['龙', 2],
  ['陶', 2],
  ['熊', 2],
  ['禄', 1],
  ['陇', 1],
  ['安', 2],
  ['蒋', 2],
  ['邓', 2],
  ['曹', 2],
  ['彭', 2],
  ['肖', 2],
  ['田', 2],
  ['袁', 2],
  ['余', 2],
  ['卯', 1],
  ['浦', 1],
  ['付', 2],
  ['苏', 2],
  ['魏', 2],
  ['丁', 1],
  ['钱', 1],
  ['毛', 1],
  ['郭', 2],
  ['韩', 1],
  ['冯', 1],
  ['唐', 1],
  ['沈', 1],
  ['谢', 2],
  ['高', 2],
  ['林', 1],
  ['徐', 2],
  ['孙', 2],
  ['秦', 1],
  ['尹', 1],
] as const

const MALE =
  '国建明华强伟军平林文德富贵兵勇刚海永志学正成荣云发福宝金光清祥顺昌忠安有才开龙家兴超杰涛磊鑫宇浩俊博豪毅鹏飞'
const FEMALE = '秀英芬芳兰琼美丽梅珍凤艳燕玉霞桂花莲翠娟敏静婷慧欣雪琳佳怡萍菊仙芝蓉会瑶丹娜倩'
/** Characters outside the BMP (CJK Extension B/C/E), each two UTF-16 code units. */
export const NON_BMP = Array.from('𠮷𬀩𬍛𬇙𬘡𫟅𬊈𬭚𫐄𬳵')

const YI_CLANS = ['沙马', '吉克', '阿鲁', '曲比', '海来', '阿苏', '俄底', '吉伍', '阿尔', '倮伍', '勒格', '的日']
const YI_MALE = ['木呷', '尔布', '日哈', '石布', '伍各', '拉则', '日火', '子哈', '阿牛', '拉格']
const YI_FEMALE = ['阿果', '阿依', '阿莫', '阿呷', '阿支', '阿西', '日莫', '伍呷', '阿嫫', '拉姆']

export type Ethnicity = '汉族' | '彝族' | '回族' | '苗族'

export interface NameOptions {
  sex: 'male' | 'female'
  ethnicity: Ethnicity
  surname?: string
}

export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAMES)
}

/** A Yi household keeps the dotted form for some of its members; most use a Han name. */
export function personName(rng: Rng, opts: NameOptions): string {
  if (opts.ethnicity === '彝族' && rng.chance(0.55)) {
    return `${rng.pick(YI_CLANS)}·${rng.pick(opts.sex === 'male' ? YI_MALE : YI_FEMALE)}`
  }
  const surname =
    opts.ethnicity === '回族' && !opts.surname
      ? rng.weighted([
          ['马', 6],
          ['丁', 1],
          ['沙', 1],
          ['纳', 1],
        ] as const)
      : (opts.surname ?? pickSurname(rng))
  const chars = Array.from(opts.sex === 'male' ? MALE : FEMALE)
  const first = rng.chance(0.006) ? rng.pick(NON_BMP) : rng.pick(chars)
  return rng.chance(0.2) ? `${surname}${first}` : `${surname}${first}${rng.pick(chars)}`
}

export function pickEthnicity(rng: Rng): Ethnicity {
  return rng.weighted([
    ['汉族', 80],
    ['彝族', 8],
    ['回族', 9],
    ['苗族', 3],
  ] as const)
}
