export default definePageConfig({
  navigationBarTitleText: '为民办实事',
})
