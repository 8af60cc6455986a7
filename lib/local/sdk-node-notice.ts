const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * Makes an SDK client without the SDK's notice that its 2027 releases need
 * Node 22. On Node 20 every process that builds a client prints those nine
 * lines; for the embedded service (tests, samples, the dev loop) they say
 * nothing about what is running. The SDK shows the notice at most once per
 * process, so it stays quiet afterwards too; an app on AWS that builds its
 * own client first still sees it.
 */
export function withoutNodeVersionNotice<T>(make: () => T): T {
  const before = process.env[SWITCH];
  process.env[SWITCH] = 'true';
  try {
    return make();
  } finally {
    if (before === undefined) delete process.env[SWITCH];
    else process.env[SWITCH] = before;
  }
}
