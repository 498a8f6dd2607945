// config → store → services → app → listen, plus the outbox sender, the timer scheduler and the
// upload sweeper; graceful shutdown on SIGINT/SIGTERM. With ALUR_WORKERS > 1 this process is the
// primary (src/cluster.ts) and each worker it forks runs the rest.
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type Config } from './config.js';

/** Development: a random secret kept in the data folder, so restarts keep everyone logged in. */
function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = join(config.dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  if (cluster.isPrimary && config.workers > 1) {
    process.exitCode = await (await import('./cluster.js')).runPrimary({ workers: config.workers, log });
    return;
  }
  // NOTE: imported here, not at the top, so that the primary of several workers never loads the app
  const [{ createApp }, { bootstrap, createServices, createStore, createTransports }, { mailboxScope }, { OutboxSender }, { TimerScheduler }, { UploadSweeper }] = await Promise.all([
    import('./app.js'), import('./composition.js'), import('./notifications/mailbox-scope.js'),
    import('./notifications/outbox-sender.js'), import('./scheduler/timer-scheduler.js'), import('./privacy/upload-sweeper.js'),
  ]);
  const { transports, devChannels } = createTransports(config, log); // refuses production without SMTP and the webhook
  const store = createStore(config);
  const mailbox = mailboxScope(config.env);
  const services = createServices(store, undefined, { publicUrl: config.publicUrl, devChannels, mailbox }, config.limits, config.applicant);
  await bootstrap(services, config, log);
  if (devChannels.length > 0) {
    const who = mailbox === 'everyone' ? 'the process owner sees every message (development)' : 'each process owner sees only their own messages';
    log(`[alur] ${devChannels.join(' and ')} messages go to the development mailbox (/kotak-surat: ${who}); the log names them without their text`);
  }
  const sender = new OutboxSender({ store, transports, intervalMs: config.outboxIntervalMs, log });
  // the retention job (message texts, sessions, codes, timers): a timer of the scheduler, one run per slot across instances
  const retention = new (await import('./scheduler/retention-job.js')).RetentionJob({ store, messageRetentionDays: config.messageRetentionDays, log });
  const scheduler = new TimerScheduler({ store, handlers: { ...services.compliance.timerHandlers, ...retention.handlers }, log }); // SLA and BPMN timers, retention
  await retention.schedule(new Date());
  mkdirSync(config.uploadDir, { recursive: true });
  const sweeper = new UploadSweeper({ store, uploadDir: config.uploadDir, log }); // unsubmitted uploads
  // report facts of cases on the store's backlog (an upgrade, BPMN timers): computed in the background
  const facts = new (await import('./poller.js')).Poller(() => services.compliance.facts.catchUpAll(), 60_000, log, 'report facts');
  const app = createApp(services, {
    sessionSecret: sessionSecret(config),
    secureCookies: config.env === 'production',
    trustProxy: config.trustProxy,
    uploadDir: config.uploadDir,
    office: config.office,
    log: (line) => console.error(line),
  });
  const server = app.listen(config.port, config.host, (err?: Error) => {
    if (err) {
      console.error(`[alur] cannot listen on ${config.host}:${config.port}: ${err.message}`);
      process.exit(1);
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const where = store.kind === 'sqlite' ? config.sqliteFile : 'MongoDB';
    const who = cluster.isWorker ? `worker ${cluster.worker?.id} (pid ${process.pid}) ` : '';
    log(`[alur] ${who}listening on http://${config.host}:${port} (store: ${store.kind}, ${where})`);
    sender.start();
    scheduler.start();
    sweeper.start();
    facts.start();
  });
  // which worker answered (operators, tests); prepended, so it is set before the app writes anything
  if (cluster.isWorker) server.prependListener('request', (_req, res) => res.setHeader('X-Alur-Worker', String(cluster.worker?.id)));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return; // a worker gets the terminal's SIGINT and the primary's SIGTERM
    stopping = true;
    log(`[alur] ${signal}: shutting down`);
    server.close(() => {
      Promise.all([sender.stop(), scheduler.stop(), sweeper.stop(), facts.stop()])
        .then(() => store.close())
        .then(() => process.exit(0), () => process.exit(1));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
