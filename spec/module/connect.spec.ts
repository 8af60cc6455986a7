import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/**
 * Starts a client-only app in a fresh Node process and reports which of
 * tsflow's modules under lib/local it loaded; a fresh process, because this
 * one has loaded everything already.
 */
async function localModulesLoaded(options: string): Promise<{ modules: string[]; stderr: string }> {
  const script = `
    const { FlowFactory, WorkerModule } = require(${JSON.stringify(join(root, 'index.js'))});
    class App {}
    WorkerModule({})(App);
    FlowFactory.create(App, { domain: 'd', taskList: 't', workers: false, handleSignals: false, logger: { debug() {}, info() {}, warn() {}, error() {} }, ...${options} })
      .then(async (app) => {
        const local = Object.keys(require.cache).filter((file) => file.includes(${JSON.stringify(join(root, 'lib', 'local'))}));
        await app.close();
        console.log(JSON.stringify(local));
      })
      .catch((error) => { console.error(error); process.exit(1); });`;
  const env = { ...process.env };
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const { stdout, stderr } = await run(process.execPath, ['-e', script], { env, cwd: root });
  return { modules: JSON.parse(stdout) as string[], stderr };
}

describe('connect', () => {
  it('does not load the embedded service for an app on AWS SWF', async () => {
    const aws = "{ swf: { region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } }";
    const { modules } = await localModulesLoaded(aws);
    expect(modules).to.deep.equal([]);
  });

  it('loads the embedded service in local mode, without the SDK notice about Node 22', async () => {
    const { modules, stderr } = await localModulesLoaded('{ local: true }');
    expect(modules.map((file) => file.slice(root.length))).to.include(join('/lib/local/local-swf-service.js'));
    expect(stderr).to.not.include('NodeVersionSupportWarning');
  });
});
