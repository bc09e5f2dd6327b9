// Build for the VT-avgifter add-in (shared runtime: one page runs task pane, ribbon and custom functions).
//
//   npm run build                                   production build into dist/ (manifest keeps localhost URLs)
//   ADDIN_BASE_URL=https://host/path/ npm run build   same, with dist/manifest.xml pointing at that https base
//   OFFICE_JS_URL=/office.js npm run build           page loads office.js from a local URL (browser tests only)
//   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import CustomFunctionsMetadataPlugin from 'custom-functions-metadata-plugin';

const root = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The URL every localhost reference in manifest.xml starts with. */
export const DEV_BASE_URL = 'https://localhost:3000/';
/** The only external URL the page may load. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_PORT = 3000;

/**
 * Validates ADDIN_BASE_URL and returns it with a trailing slash.
 * Office refuses non-https add-in URLs, so a wrong value must stop the build rather than ship.
 */
export function parseBaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a valid URL: "${value}". Example: ADDIN_BASE_URL=https://example.org/vt/`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_BASE_URL must use https (Office only loads add-ins over https), got "${value}".`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL must be a plain base URL without query, fragment or credentials, got "${value}".`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * Allows OFFICE_JS_URL only to point at the official CDN, a relative path or localhost,
 * so the override cannot smuggle in another external host.
 */
export function parseOfficeJsUrl(value) {
  if (!value) return OFFICE_JS_CDN;
  if (value === OFFICE_JS_CDN) return value;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//')) return value; // relative
  let url;
  try {
    url = new URL(value);
  } catch {
    url = undefined; // protocol-relative or garbage: rejected below
  }
  const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && local) return value;
  throw new Error(`OFFICE_JS_URL must be ${OFFICE_JS_CDN}, a relative path or a localhost URL, got "${value}".`);
}

/** Replaces the dev base URL in the manifest text; XML-escapes the base in case it holds '&'. */
export function rewriteManifest(xml, baseUrl) {
  const escaped = baseUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml.split(DEV_BASE_URL).join(escaped);
}

export default async function config(env = {}, argv = {}) {
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL ? parseBaseUrl(process.env.ADDIN_BASE_URL) : undefined;
  const officeJsUrl = parseOfficeJsUrl(process.env.OFFICE_JS_URL);

  // Certificates are only needed to serve; loading them lazily keeps `npm run build` offline-safe.
  let httpsOptions;
  if (serving) {
    const devCerts = await import('office-addin-dev-certs');
    const getHttpsServerOptions = devCerts.getHttpsServerOptions ?? devCerts.default.getHttpsServerOptions;
    httpsOptions = await getHttpsServerOptions();
  }

  return {
    mode,
    devtool: mode === 'production' ? false : 'source-map',
    context: root,
    entry: {
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.join(root, 'dist'),
      // Stable names: manifest.xml points at functions.js directly.
      filename: '[name].js',
      // Relative URLs so the build works under any ADDIN_BASE_URL path.
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Sources import "./x.js" for files that are really x.ts / x.tsx.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type errors are `npm run typecheck`'s job; tsconfig's noEmit must not stop the loader.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Functions first so CustomFunctions.associate runs as early as possible.
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
        templateParameters: { officeJsUrl },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (baseUrl ? rewriteManifest(content.toString('utf8'), baseUrl) : content),
          },
        ],
      }),
      new webpack.DefinePlugin({ __VT_VERSION__: JSON.stringify(pkg.version) }),
      {
        // Warn (not fail) so plain `npm run build` and the browser test still work offline.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap('VtBuildNotes', (compilation) => {
            if (mode === 'production' && !baseUrl && !serving) {
              compilation.warnings.push(
                new webpack.WebpackError(
                  'ADDIN_BASE_URL is not set: dist/manifest.xml still points at https://localhost:3000/. ' +
                    'For deployment run e.g. ADDIN_BASE_URL=https://example.org/vt/ npm run build',
                ),
              );
            }
            if (officeJsUrl !== OFFICE_JS_CDN) {
              compilation.warnings.push(
                new webpack.WebpackError(`OFFICE_JS_URL=${officeJsUrl}: this build is for local browser tests, not for Office.`),
              );
            }
          });
        },
      },
    ],
    // Fluent UI makes the pane bundle larger than webpack's default hint; size is not a concern for a task pane.
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      server: httpsOptions ? { type: 'https', options: httpsOptions } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
}
