// WechatSI (speech) must be added to the AppID in the WeChat admin console before it may be
// declared, or DevTools refuses to compile; so it is opt-in at build time (docs/decisions/010).
const plugins =
  process.env.TARO_ENV === 'weapp' && process.env.ANJU_WECHATSI === '1'
    ? { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } }
    : undefined

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/tickets/index'],
  subPackages: [
    { root: 'packages/resident', pages: ['report/index', 'ticket/index', 'help/index'] },
    { root: 'packages/staff', pages: ['triage/index', 'ticket/index', 'file-for/index', 'notifications/index'] },
    { root: 'packages/account', pages: ['login/index', 'outbox/index'] },
    { root: 'packages/jobs', pages: ['list/index', 'job/index', 'profile/index', 'mine/index'] },
    {
      root: 'packages/jobstaff',
      pages: ['postings/index', 'edit/index', 'applicants/index', 'push/index', 'seeker/index'],
    },
  ],
  tabBar: {
    color: '#333333',
    selectedColor: '#1d3f66',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // 81×81 PNGs drawn by miniprogram/scripts/tab-icons.ts: filled when selected, outlined otherwise.
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-selected.png',
      },
      {
        pagePath: 'pages/tickets/index',
        text: '我的报修',
        iconPath: 'assets/tabbar/tickets.png',
        selectedIconPath: 'assets/tabbar/tickets-selected.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1d3f66',
    navigationBarTitleText: '安居',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f8',
  },
  ...(plugins ? { plugins } : {}),
})
