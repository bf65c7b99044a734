export default definePageConfig({
  navigationBarTitleText: '物业报修',
})
