'use strict';
// The type tests: tsc --strict over the documented snippets, the official package's
// types against ours, and the testing entry point (see __test__/types/). A drift in
// index.d.ts or testing.d.ts fails here.

const { execFileSync } = require('child_process');
const path = require('path');

test('index.d.ts and testing.d.ts compile the documented usage and match the official types', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  const project = path.join(__dirname, 'types', 'tsconfig.json');
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    output = `${err.stdout}${err.stderr}`;
  }
  expect(output).toBe('');
}, 120000);

test('no `any` in the public type surface', () => {
  const fs = require('fs');
  for (const file of ['index.d.ts', 'testing.d.ts']) {
    const code = fs.readFileSync(path.join(__dirname, '..', file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect({ file, any: code.match(/\bany\b/g) || [] }).toEqual({ file, any: [] });
  }
});
