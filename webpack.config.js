/**
 * Builds the add-in into dist/: taskpane.html + taskpane.js (React + Fluent UI v9),
 * commands.html + commands.js (ribbon commands), help.html, assets/, manifest.xml;
 * and the standalone page dist/cds-check.html (src/web): one file, its script inlined
 * (html-inline-script-webpack-plugin), no request to any other file or host, for offices
 * whose Excel cannot load the add-in. ExcelJS comes in as its own browser build
 * (exceljs.bare.min.js, already minified, with its Buffer/stream shims inside: no polyfill in
 * webpack) in a script of its own before the page's bundle, which sees it as the external
 * `ExcelJS` global.
 *
 *   npm run build        production bundle; manifest URLs → ADDIN_PUBLIC_URL
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates
 *
 * ts-loader compiles with ES modules so webpack can tree-shake Fluent UI and the core.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlInlineScriptPlugin = require('html-inline-script-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
/** Where the production build is hosted (must end with "/"). */
const PROD_URL = process.env.ADDIN_PUBLIC_URL || 'https://cds-check.example.org/addin/';

/** The page's own scripts, inlined into dist/cds-check.html and so not written beside it. */
const PAGE = 'cds-check';

/** A script's text made safe to sit between <script> and </script>. */
function inlineScriptText(file) {
  return fs.readFileSync(require.resolve(file), 'utf8').replace(/<\/script/gi, '<\\/script');
}

/**
 * Drops the scripts inlined into cds-check.html from dist/ (the plugin keeps them when other
 * pages are built alongside) and moves their licence notices into the page.
 */
class StandalonePagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('StandalonePagePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'StandalonePagePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const html = `${PAGE}.html`;
          const licence = compilation.getAsset(`${PAGE}.js.LICENSE.txt`);
          if (licence && compilation.getAsset(html)) {
            const text = licence.source.source().toString().replace(/--/g, '- -');
            compilation.updateAsset(
              html,
              (src) => new webpack.sources.ConcatSource(src, `\n<!--\n${text}-->\n`),
            );
          }
          for (const name of [`${PAGE}.js`, `${PAGE}.js.LICENSE.txt`, `${PAGE}.js.map`])
            if (compilation.getAsset(name)) compilation.deleteAsset(name);
        },
      );
    });
  }
}

async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

/** The manifest with its development URLs replaced by the production one. */
function productionManifest(content) {
  const url = PROD_URL.endsWith('/') ? PROD_URL : `${PROD_URL}/`;
  return content
    .toString()
    .replace(new RegExp(DEV_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), url)
    .replace(/https:\/\/localhost:3000(?=[<"])/g, new URL(url).origin);
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const outDir = env.outDir ? path.resolve(env.outDir) : path.resolve(__dirname, 'dist');
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      [PAGE]: './src/web/index.tsx',
    },
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    // only the standalone page uses ExcelJS: its browser build, inlined as a script of its own
    externals: { exceljs: 'ExcelJS' },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { module: 'es2020', target: 'es2019', sourceMap: dev },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({
        filename: `${PAGE}.html`,
        template: `./src/web/${PAGE}.html`,
        chunks: [PAGE],
        inject: 'body',
        // without core-js polyfills: every browser the page serves has Promise, Map, TextDecoder
        templateParameters: { excelJs: inlineScriptText('exceljs/dist/exceljs.bare.min.js') },
      }),
      new HtmlInlineScriptPlugin({
        scriptMatchPattern: [new RegExp(`^${PAGE}\\.js$`)],
        htmlMatchPattern: [new RegExp(`${PAGE}\\.html$`)],
      }),
      new StandalonePagePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content)),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: outDir },
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
    },
  };
  if (env.WEBPACK_SERVE) config.devServer.server = { type: 'https', options: await httpsOptions() };
  return config;
};

module.exports.productionManifest = productionManifest;
module.exports.PROD_URL = PROD_URL;
