import { communitiesOf, SUBDISTRICTS } from '../src/grid/communities'
import reference from '../src/local/reference/zhaotong-divisions.json'

describe('community reference list', () => {
  it('names every community of 砚池街道 with its real statistical code', () => {
    // Prepare: the residents' committees (社区居民委员会) of the extract; villages (村民委员会) are not communities.
    const fromExtract = reference.subdistrict.units
      .filter((unit) => unit.name.endsWith('社区居民委员会'))
      .map((unit) => ({ id: unit.code, name: unit.name.replace('居民委员会', '') }))

    // Act
    const inCode = communitiesOf(reference.subdistrict.code)

    // Assess
    expect(inCode).toEqual(fromExtract)
    expect(inCode).toHaveLength(7)
    expect(SUBDISTRICTS[reference.subdistrict.code].name).toBe(reference.subdistrict.name)
  })

  it('knows no communities for an unknown sub-district', () => {
    expect(communitiesOf('000000000')).toEqual([])
  })
})
