import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { loadSettings } from '../config/settings.ts';
import { IntakeError } from '../errors.ts';

/**
 * The modules that register the commands, by the commands each registers. A command's module (and
 * with it what the command needs: the web server, BullMQ, the readers) is loaded only when that
 * command runs; help, and a name not listed here, load them all.
 */
const COMMAND_MODULES = {
  bulk: {
    commands: ['ingest', 'revalidate'],
    register: async (program: Command) => {
      const [{ registerBulkCommands }, { pipelineContext }] = await Promise.all([
        import('./bulk-commands.ts'),
        import('./pipeline-context.ts'),
      ]);
      registerBulkCommands(program, pipelineContext);
    },
  },
  queue: {
    commands: ['enqueue', 'worker', 'status', 'export'],
    register: async (program: Command) =>
      (await import('./queue-commands.ts')).registerQueueCommands(program),
  },
  web: {
    commands: ['serve', 'user'],
    register: async (program: Command) => (await import('./web-commands.ts')).registerWebCommands(program),
  },
  audit: {
    commands: ['audit'],
    register: async (program: Command) =>
      (await import('./audit-commands.ts')).registerAuditCommands(program),
  },
  register: {
    commands: ['register'],
    register: async (program: Command) => registerRegisterCommands(program),
  },
} satisfies Record<string, { commands: string[]; register: (program: Command) => Promise<void> }>;

/**
 * The program with the commands `argv` runs registered (all of them when `argv` is left out or
 * names no known command), in the order help lists them.
 */
export async function buildProgram(argv?: string[]): Promise<Command> {
  const program = new Command('intake')
    .description('Leser, kontrollerer og sorterer søknader og rapporter om statlige tilskudd.')
    .exitOverride();
  const name = argv?.find((arg) => !arg.startsWith('-'));
  const modules = Object.values(COMMAND_MODULES);
  const needed = modules.filter((m) => name !== undefined && m.commands.includes(name));
  for (const module of needed.length > 0 ? needed : modules) await module.register(program);
  return program;
}

function registerRegisterCommands(program: Command): void {
  const registerCmd = program.command('register').description('Kommuneregisteret');
  registerCmd
    .command('update')
    .description('Henter kommuneregisteret på nytt fra SSB (klassifikasjon 131) og Enhetsregisteret.')
    .option('--out <file>', 'hvor registeret skrives (standard: INTAKE_MUNICIPALITIES)')
    .action(async (options: { out?: string }) => {
      const settings = loadSettings();
      const out = options.out ? resolve(options.out) : settings.municipalitiesPath;
      if (!out) throw new IntakeError('oppgi --out eller sett INTAKE_MUNICIPALITIES', 'USAGE');
      const { updateRegister } = await import('../register/update-register.ts');
      const count = await updateRegister(out);
      console.log(`Skrev ${count} kommuner til ${out}`);
    });
}

/** Runs the CLI; returns the exit code (0 ok, 1 run failed, 2 usage or configuration). */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv, { from: 'user' });
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
