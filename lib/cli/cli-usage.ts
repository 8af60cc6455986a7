export const MAIN_USAGE = `Usage: tsflow <command> [options]

Commands:
  dev-server    Run the embedded SWF-compatible service over HTTP (SWF's JSON protocol)

Run "tsflow <command> --help" for a command's options.`;

export const DEV_SERVER_USAGE = `Usage: tsflow dev-server [--port 8080] [--host 127.0.0.1] [--db ./swf.db] [--lambdas ./lambdas.js | --lambda-endpoint URL] [--access-key ID:SECRET]

Runs the local SWF-compatible service: SWF's JSON 1.0 protocol at POST /,
and a read-only dashboard of domains, executions and histories at GET /.

Options:
  --port <n>               Port to listen on (default 8080; 0 picks a free port)
  --host <address>         Address to bind (default 127.0.0.1: this machine only)
  --lambdas <module>       A CommonJS module whose exported functions become the
                           Lambda functions of ScheduleLambdaFunction, by export name
  --lambda-endpoint <url>  Run Lambda tasks through the Lambda Invoke API at this URL
                           instead (region and credentials from the usual AWS settings;
                           dummy credentials for a loopback URL when none are set)
  --db <file>              Keep all state in this SQLite file (created when missing):
                           every accepted call is committed before it is answered, and a
                           server started again on the file, even after kill -9, carries
                           on: domains, types, histories, open executions, tasks, timers
  --zero-retention <mode>  Closed runs of a domain with retention 0 or NONE: delete
                           (default, as SWF: gone once closed) or keep (for development)
  --access-key <id:secret> Serve only requests signed (AWS Signature V4) with this
                           access key; others get AccessDeniedException, and the
                           dashboard is closed. For a dev server others can reach.
  -h, --help               Show this help

Credentials: without --access-key the dev server accepts ANY credentials and
does not check signatures. The SDKs and the AWS CLI still need some credentials
to sign with, so give them dummy ones. On loopback it answers only requests
whose Host is localhost, 127.0.0.1 or [::1] with its port (DNS rebinding);
bound to another address (--host 0.0.0.0) anyone who can reach the port can
read and change everything, unless --access-key is set.

Point a client at it:
  AWS CLI:  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x \\
            aws swf list-domains --registration-status REGISTERED \\
              --endpoint-url http://127.0.0.1:8080 --region us-east-1
  SDK v3:   new SWFClient({ endpoint: 'http://127.0.0.1:8080', region: 'us-east-1',
              credentials: { accessKeyId: 'x', secretAccessKey: 'x' } })

The first line printed on stdout is "tsflow dev-server listening on <url>".
Ctrl-C or SIGTERM stops the server.`;
