'use strict';
// When the native binary cannot load, the error must name the platform, the platform package
// that was expected, and the fixes (npm's optional-dependencies lockfile bug npm/cli#4828).
// Each case runs in a child Node process, because a module that failed to load stays failed.

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');

// What napi calls this platform (independent of lib/native.js, which is under test).
function platformArchAbi() {
  const { platform, arch } = process;
  if (platform === 'linux') {
    const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
    return `linux-${arch}-${glibc ? 'gnu' : 'musl'}`;
  }
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return `${platform}-${arch}`;
}
const expectedPackage = `@wacht/backend-${platformArchAbi()}`;

function run(args, { cwd = root, env = {} } = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const report = `
  const fail = (e) => { console.error(JSON.stringify({ message: e.message, code: e.code })); process.exit(3); };
`;

function expectHelpfulError(result) {
  expect(result.status).toBe(3);
  const line = result.output.split('\n').find((l) => l.startsWith('{"message"'));
  expect(line).toBeDefined();
  const { message, code } = JSON.parse(line);
  expect(code).toBe('WACHT_NATIVE_BINDING_NOT_FOUND');
  expect(message).toContain(`${process.platform}-${process.arch}`);
  expect(message).toContain(`"${expectedPackage}"`);
  expect(message).toContain('https://github.com/npm/cli/issues/4828');
  expect(message).toMatch(/delete node_modules and package-lock\.json/);
  expect(message).toContain('--include=optional');
  expect(message).toContain('Installing, bundlers and serverless');
  return message;
}

test('the expected package for this machine', () => {
  if (process.platform === 'linux' && process.arch === 'x64' && platformArchAbi().endsWith('gnu')) {
    expect(expectedPackage).toBe('@wacht/backend-linux-x64-gnu');
  }
  const pkg = require('../npm/' + platformArchAbi() + '/package.json');
  expect(pkg.name).toBe(expectedPackage);
});

test('NAPI_RS_NATIVE_LIBRARY_PATH pointing at a missing file: require() explains the fix', () => {
  const result = run(['-e', `${report} try { require('./index.js') } catch (e) { fail(e) }`], {
    env: { NAPI_RS_NATIVE_LIBRARY_PATH: path.join(os.tmpdir(), 'no-such-dir', 'wacht.missing.node') },
  });
  const message = expectHelpfulError(result);
  // The generated loader's own error is kept at the end.
  expect(message).toContain('Underlying error: Cannot find native binding');
});

describe('an installed copy without any binary (the platform package was not installed)', () => {
  let dir;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wacht-loader-'));
    const pkgDir = path.join(dir, 'node_modules', '@wacht', 'backend');
    fs.mkdirSync(pkgDir, { recursive: true });
    for (const f of ['package.json', 'index.js', 'index.mjs', 'testing.js', 'testing.mjs', 'native.js']) {
      fs.copyFileSync(path.join(root, f), path.join(pkgDir, f));
    }
    fs.cpSync(path.join(root, 'lib'), path.join(pkgDir, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"app","version":"1.0.0"}');
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const env = { NAPI_RS_NATIVE_LIBRARY_PATH: '' };

  test('require("@wacht/backend")', () => {
    expectHelpfulError(run(['-e', `${report} try { require('@wacht/backend') } catch (e) { fail(e) }`], { cwd: dir, env }));
  });

  test('import("@wacht/backend")', () => {
    expectHelpfulError(run(['-e', `${report} import('@wacht/backend').catch(fail)`], { cwd: dir, env }));
  });

  test('require("@wacht/backend/testing")', () => {
    expectHelpfulError(run(['-e', `${report} try { require('@wacht/backend/testing') } catch (e) { fail(e) }`], { cwd: dir, env }));
  });
});
