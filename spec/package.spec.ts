import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const checkout = join(__dirname, '..', '..');

/** The blocks of the README marked `<!-- file: NAME -->`: what a new user copies into an empty project. */
export function readmeFiles(readme: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of readme.matchAll(/<!-- file: (\S+) -->\s*```\w*\n([\s\S]*?)```/g)) files.set(match[1], match[2]);
  return files;
}

/** The environment of a user's shell: none of this test run's npm settings or SDK switches. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED' && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

async function sh(cwd: string, command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  try {
    return await exec(command, args, { cwd, env: userEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`, {
      cause: error,
    });
  }
}

const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(checkout, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Packs tsflow from a copy of the source tree (as a fresh clone would, with
 * no dist/), installs the tarball into an empty project, and builds and runs
 * the README's quick start there exactly as written, with tsc and with SWC.
 * Packages come from the npm cache when it has them (`--prefer-offline`).
 */
describe('the npm package', function () {
  this.timeout(300_000);
  let work: string;
  let app: string;
  let tarball: string;
  const readme = readmeFiles(readFileSync(join(checkout, 'README.md'), 'utf8'));

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'tsflow-package-'));
    const source = join(work, 'source');
    const { stdout } = await exec('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: checkout });
    for (const file of stdout.split('\0').filter(Boolean)) {
      mkdirSync(dirname(join(source, file)), { recursive: true });
      try {
        cpSync(join(checkout, file), join(source, file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // deleted but not yet committed
      }
    }
    symlinkSync(join(checkout, 'node_modules'), join(source, 'node_modules'));
    await sh(source, 'npm', ['pack', '--pack-destination', work]);
    tarball = join(
      work,
      readdirSync(work).find((name) => name.endsWith('.tgz'))!,
    );

    app = join(work, 'app');
    mkdirSync(app);
    await sh(app, 'npm', ['init', '-y']);
    for (const [name, text] of readme) {
      mkdirSync(dirname(join(app, name)), { recursive: true });
      writeFileSync(join(app, name), text);
    }
    await sh(app, 'npm', ['install', '--prefer-offline', tarball]);
    const devTools = ['typescript', '@types/node', '@swc-node/register', '@swc/core'].map((name) => `${name}@${versionOf(name)}`);
    await sh(app, 'npm', ['install', '--prefer-offline', '--save-dev', ...devTools]);
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the compiled entry points and library, and no specs, samples or sources', async () => {
    const { stdout } = await exec('tar', ['-tzf', tarball]);
    const files = stdout.split('\n').filter(Boolean);
    for (const entry of ['index', 'local', 'engine']) {
      expect(files).to.include.members([`package/dist/${entry}.js`, `package/dist/${entry}.d.ts`]);
    }
    expect(files).to.include('package/dist/lib/cli/main.js');
    expect(
      files.filter((file) => /^package\/(dist\/(spec|samples|bench)\/|lib\/|spec\/)|\.ts$/.test(file) && !file.endsWith('.d.ts')),
    ).to.deep.equal([]);
  });

  it("compiles the README's quick start with the README's tsconfig.json", async () => {
    expect([...readme.keys()]).to.include.members(['tsconfig.json', 'src/main.ts']);
    await sh(app, join(app, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
  });

  it('runs the compiled quick start on the embedded service, without the SDK notice about Node 22', async () => {
    const { stdout, stderr } = await sh(app, process.execPath, ['dist/main.js']);
    expect(stdout.trim()).to.equal('HELLO, WORLD!');
    expect(stderr).to.not.include('NodeVersionSupportWarning');
  });

  it('runs the quick start from source through @swc-node/register, which emits the decorator metadata injection needs', async () => {
    const { stdout } = await sh(app, process.execPath, ['-r', '@swc-node/register', 'src/main.ts']);
    expect(stdout.trim()).to.equal('HELLO, WORLD!');
  });

  it('gives an ES module the named exports of all three entry points', async () => {
    writeFileSync(
      join(app, 'esm.mjs'),
      "import { FlowFactory, injectable } from 'tsflow';\nimport { LocalSwfService } from 'tsflow/local';\n" +
        "import { replayHistory } from 'tsflow/engine';\n" +
        'console.log([FlowFactory.create, injectable, LocalSwfService, replayHistory].map((value) => typeof value).join());\n',
    );
    const { stdout } = await sh(app, process.execPath, ['esm.mjs']);
    expect(stdout.trim()).to.equal('function,function,function,function');
  });

  it("finds the types of 'tsflow/local' and 'tsflow/engine' under moduleResolution node10 too", async () => {
    writeFileSync(
      join(app, 'subpaths.ts'),
      "import { LocalSwfService, ManualClock } from 'tsflow/local';\nimport { replayHistory } from 'tsflow/engine';\n" +
        'export const service: LocalSwfService = new LocalSwfService({ clock: new ManualClock() });\n' +
        'export const replay: typeof replayHistory = replayHistory;\n',
    );
    const compile = ['--ignoreConfig', '--noEmit', '--strict', '--skipLibCheck', '--types', 'node', 'subpaths.ts'];
    const tsc = join(app, 'node_modules', '.bin', 'tsc');
    await sh(app, tsc, [...compile, '--module', 'commonjs', '--moduleResolution', 'node10', '--ignoreDeprecations', '6.0']);
    await sh(app, tsc, [...compile, '--module', 'nodenext']);
  });
});
