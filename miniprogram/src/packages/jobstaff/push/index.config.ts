export default definePageConfig({
  navigationBarTitleText: '推荐给居民',
})
