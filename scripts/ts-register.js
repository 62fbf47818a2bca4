'use strict';
// Minimal require hook so that plain `node` scripts can load the TypeScript test fixtures
// (no ts-node): each .ts file is transpiled in memory with the project's TypeScript.
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(out.outputText, filename);
};
