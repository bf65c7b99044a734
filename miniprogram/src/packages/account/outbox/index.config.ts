export default definePageConfig({
  navigationBarTitleText: '本地通知',
})
