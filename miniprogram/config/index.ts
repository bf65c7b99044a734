import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// The rules module lives outside src/; Taro's babel rule skips it unless listed here.
const sharedSrc = path.resolve(__dirname, '../../shared/src')

/** Writes module ids, names and chunk files (webpack stats) to a JSON file after the build. */
class BundleStats {
  constructor(private readonly file: string) {}
  apply(compiler: { hooks: { done: { tap(name: string, fn: (stats: any) => void): void } } }) {
    compiler.hooks.done.tap('AnjuBundleStats', (stats) => {
      const json = stats.toJson({ all: false, modules: true, chunks: true, ids: true, nestedModules: false })
      const modules = json.modules.map((m: any) => ({ id: m.id, name: m.name, size: m.size, chunks: m.chunks }))
      const chunks = json.chunks.map((c: any) => ({ id: c.id, names: c.names, files: c.files }))
      writeFileSync(this.file, JSON.stringify({ modules, chunks }))
    })
  }
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'anju',
    date: '2026-12-3',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Per-target output, or weapp and h5 overwrite each other.
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      // The property company's 24-hour line for emergencies; none is shown unless the build names one.
      PROPERTY_DUTY_PHONE: JSON.stringify(process.env.ANJU_PROPERTY_DUTY_PHONE ?? ''),
      // WeChat's one-time subscribe-message template for ticket updates (the server's
      // WECHAT_SUBSCRIBE_TEMPLATE_ID); without it the app never asks (decision 066).
      SUBSCRIBE_TEMPLATE_ID: JSON.stringify(process.env.ANJU_SUBSCRIBE_TEMPLATE_ID ?? ''),
      // H5 is served by the local stack on the same origin, so '/api' is enough there.
      API_BASE: JSON.stringify(
        process.env.ANJU_API_BASE || (process.env.TARO_ENV === 'h5' ? '/api' : 'http://127.0.0.1:8080/api'),
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // `npm run bench` names the largest modules of each package from these stats.
        if (process.env.ANJU_BUNDLE_STATS)
          chain.plugin('anju-bundle-stats').use(BundleStats, [process.env.ANJU_BUNDLE_STATS])
      },
    },
    h5: {
      compile: { include: [sharedSrc] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Without 'all', every lazy page chunk carries its own copy of zod.
        chain.optimization.splitChunks({ ...(chain.optimization.get('splitChunks') as object), chunks: 'all' })
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
