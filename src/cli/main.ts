import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { IntakeError } from '../errors.ts';
import { updateRegister } from '../register/update-register.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerBulkCommands } from './bulk-commands.ts';
import { pipelineContext } from './pipeline-context.ts';
import { registerQueueCommands } from './queue-commands.ts';
import { registerWebCommands } from './web-commands.ts';

export function buildProgram(): Command {
  const program = new Command('intake')
    .description('Leser, kontrollerer og sorterer søknader og rapporter om statlige tilskudd.')
    .exitOverride();
  registerBulkCommands(program, pipelineContext);
  registerQueueCommands(program);
  registerWebCommands(program);
  registerAuditCommands(program);
  const registerCmd = program.command('register').description('Kommuneregisteret');
  registerCmd
    .command('update')
    .description('Henter kommuneregisteret på nytt fra SSB (klassifikasjon 131) og Enhetsregisteret.')
    .option('--out <file>', 'hvor registeret skrives (standard: INTAKE_MUNICIPALITIES)')
    .action(async (options: { out?: string }) => {
      const settings = loadSettings();
      const out = options.out ? resolve(options.out) : settings.municipalitiesPath;
      if (!out) throw new IntakeError('oppgi --out eller sett INTAKE_MUNICIPALITIES', 'USAGE');
      const count = await updateRegister(out);
      console.log(`Skrev ${count} kommuner til ${out}`);
    });
  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 run failed, 2 usage or configuration). */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof IntakeError) {
      console.error(`intake: ${err.message}`);
      // A check that found something wrong failed as a run; anything else is usage or configuration.
      return err.code === 'AUDIT_BROKEN' ? 1 : 2;
    }
    console.error(`intake: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
