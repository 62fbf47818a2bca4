/**
 * Builds the add-in into dist/: taskpane.html + taskpane.js (React + Fluent UI v9),
 * commands.html + commands.js (ribbon commands), help.html, assets/, manifest.xml.
 *
 *   npm run build        production bundle; manifest URLs → ADDIN_PUBLIC_URL
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates
 *
 * ts-loader compiles with ES modules so webpack can tree-shake Fluent UI and the core.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
/** Where the production build is hosted (must end with "/"). */
const PROD_URL = process.env.ADDIN_PUBLIC_URL || 'https://cds-check.example.org/addin/';

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
    },
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
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
