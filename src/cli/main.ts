import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { resolve } from 'node:path';
import { loadSettings, type Settings } from '../config/settings.ts';
import { IntakeError } from '../errors.ts';
import { ingest } from '../pipeline/ingest.ts';
import type { PipelineContext } from '../pipeline/process-submission.ts';
import { loadRegister } from '../register/municipality-register.ts';
import { updateRegister } from '../register/update-register.ts';
import { loadSchemes } from '../schemes/load-schemes.ts';
import { openStoreSink } from '../store/ingest-sink.ts';
import { registerQueueCommands } from './queue-commands.ts';
import { registerWebCommands } from './web-commands.ts';
import { RunSummary } from './run-summary.ts';

/** Loads what every pipeline command needs: settings, schemes, the register (or says it is off). */
function pipelineContext(settings: Settings): PipelineContext {
  const schemes = loadSchemes(settings.schemesDir);
  let register = null;
  if (settings.municipalitiesPath) register = loadRegister(settings.municipalitiesPath);
  else console.error('intake: INTAKE_MUNICIPALITIES er ikke satt; kommuneoppslag er slått av.');
  return { schemes, register, lowConfidenceThreshold: settings.lowConfidenceThreshold };
}

async function runIngest(paths: string[], options: { out: string }): Promise<void> {
  const settings = loadSettings();
  const ctx = pipelineContext(settings);
  const summary = new RunSummary();
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        {
          format: 'intake |{bar}| {value}/{total} innsendinger | {source}',
          stream: process.stderr,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const sink = openStoreSink(settings);
  const result = await ingest({
    paths: paths.map((p) => resolve(p)),
    outDir: resolve(options.out),
    ctx,
    limits: settings.readLimits,
    concurrency: settings.concurrency,
    ocr: { workers: settings.ocrWorkers, dpi: settings.ocrDpi },
    onTotal: (total) => bar?.start(total, 0, { source: '' }),
    onRecord: (record) => {
      summary.add(record);
      bar?.increment({ source: record.source });
    },
    sink,
  }).finally(() => sink.close());
  bar?.stop();
  console.log(summary.format());
  console.log(`Skrev ${result.records} poster til ${result.outFile}`);
}

export function buildProgram(): Command {
  const program = new Command('intake')
    .description('Leser, kontrollerer og sorterer søknader og rapporter om statlige tilskudd.')
    .exitOverride();
  program
    .command('ingest')
    .description(
      'Kjører hele prosessen i denne prosessen på filer og mapper, og skriver DIR/submissions.jsonl.',
    )
    .argument('<path...>', 'filer, mapper eller zip-arkiver')
    .option('--out <dir>', 'mappe for submissions.jsonl', 'out')
    .action(runIngest);
  registerQueueCommands(program);
  registerWebCommands(program);
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
      return 2;
    }
    console.error(`intake: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}
