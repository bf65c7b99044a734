export default definePageConfig({
  navigationBarTitleText: '找工作',
})
