import type { Command } from 'commander';
import { loadSettings } from '../config/settings.ts';
import { IntakeError } from '../errors.ts';
import { readChain, verifyChain } from '../review/audit-chain.ts';
import { Store } from '../store/store.ts';

/** The audit log's chain is broken: a row was changed or removed outside the app (exit code 1). */
export class AuditChainBroken extends IntakeError {
  constructor(message: string) {
    super(message, 'AUDIT_BROKEN');
  }
}

/** Adds `audit verify` to the program. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Revisjonsloggen');
  audit
    .command('verify')
    .description(
      'Kontrollerer hash-kjeden i revisjonsloggen: en rad endret eller slettet i databasen blir funnet.',
    )
    .option('--head <hash>', 'siste hash notert tidligere: da blir også rader slettet på slutten funnet')
    .action(runVerify);
}

async function runVerify(options: { head?: string }): Promise<void> {
  const settings = loadSettings();
  const store = await Store.open({
    databaseUrl: settings.databaseUrl,
    dataDir: settings.dataDir,
    schema: settings.dbSchema,
  });
  try {
    const report = verifyChain(await readChain(store.sql));
    for (const b of report.breaks) console.error(b.message);
    const head = options.head?.trim().toLowerCase();
    if (head && !(await store.sql.query('SELECT 1 FROM audit_log WHERE hash = $1', [head])).length) {
      throw new AuditChainBroken(`den noterte hashen ${head} finnes ikke lenger i revisjonsloggen`);
    }
    if (report.breaks.length > 0) {
      throw new AuditChainBroken(`revisjonsloggen er brutt på ${report.breaks.length} steder`);
    }
    console.log(
      `Revisjonsloggen er hel: ${report.rows} ${report.rows === 1 ? 'rad' : 'rader'}. Siste hash: ${report.head}`,
    );
  } finally {
    await store.close();
  }
}
