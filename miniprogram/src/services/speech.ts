import Taro from '@tarojs/taro'

// weapp: WeChat's WechatSI plugin (declared only when ANJU_WECHATSI=1, see docs/decisions/010);
// H5: the browser's speechSynthesis. Either may be missing: then a toast says so.
const MAX_CHARS = 300

function unavailable(): void {
  Taro.showToast({ title: '这台手机暂时不能朗读', icon: 'none' })
}

interface WechatSI {
  textToSpeech(options: {
    lang: string
    tts: boolean
    content: string
    success: (res: { filename: string }) => void
    fail: () => void
  }): void
}

function speakWeapp(text: string): void {
  let plugin: WechatSI
  try {
    plugin = requirePlugin('WechatSI') as WechatSI
  } catch {
    unavailable()
    return
  }
  plugin.textToSpeech({
    lang: 'zh_CN',
    tts: true,
    content: text,
    success: (res) => {
      const audio = Taro.createInnerAudioContext()
      audio.src = res.filename
      audio.play()
    },
    fail: unavailable,
  })
}

function speakH5(text: string): void {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
    unavailable()
    return
  }
  synth.cancel()
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = 'zh-CN'
  utterance.rate = 0.9
  synth.speak(utterance)
}

export function speak(text: string): void {
  const content = Array.from(text).slice(0, MAX_CHARS).join('')
  if (process.env.TARO_ENV === 'weapp') speakWeapp(content)
  else speakH5(content)
}
