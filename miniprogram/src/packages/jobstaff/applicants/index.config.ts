export default definePageConfig({
  navigationBarTitleText: '投递的人',
})
