import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Once per `vitest run`: the browser tests need Debian's Chromium. On a fresh machine where the
 * user is root and apt-get is there (as in CI), install it as `.ci/run` does; otherwise leave it
 * to `launchChromium`, which fails the browser tests at once with the command to run.
 */
export default function installChromium(): void {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path) || process.env.CHROMIUM_PATH) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return;
  console.log('Chromium mangler: installerer Debians chromium (apt-get install -y chromium) …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      env,
      stdio: 'inherit',
      timeout: 600_000,
    });
  try {
    install();
  } catch {
    // A fresh machine's package lists may be empty or old.
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit', timeout: 600_000 });
    install();
  }
}
