export default definePageConfig({
  navigationBarTitleText: '帮居民填写求职信息',
})
