/** The native `tesseract` command, the bench's yardstick. */
import { spawnSync } from 'node:child_process';

/** The installed command's version line; a missing command is an error that says how to install it. */
export function nativeTesseractVersion(): string {
  const run = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      'The native tesseract command is not installed (needed as the yardstick). Run: bash bench/setup.sh',
    );
  }
  return `${run.stdout}${run.stderr}`.split('\n')[0]!.trim();
}
