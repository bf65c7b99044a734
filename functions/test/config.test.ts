import { ConfigError, loadConfig } from '../src/config'

describe('loadConfig: the property duty line', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0870-1234567', '0870-1234567'],
    [' 13812345678 ', '13812345678'],
  ])('PROPERTY_DUTY_PHONE=%p gives %p', (raw, expected) => {
    expect(loadConfig({ STAGE: 'local', PROPERTY_DUTY_PHONE: raw }).propertyDutyPhone).toBe(expected)
  })

  it.each([['call us'], ['0870 123'], ['+86-0870']])(
    'refuses %p rather than show residents a number that is not one',
    (raw) => {
      expect(() => loadConfig({ STAGE: 'local', PROPERTY_DUTY_PHONE: raw })).toThrow(ConfigError)
    },
  )
})
