// `npm run bench [-- --quick] [--strict] [name…]`: runs the benchmarks in bench/benchmarks.ts (all,
// or those named) and prints their figures with the machine they ran on.
import { cpus, totalmem } from 'node:os';
import { BENCHMARKS } from './benchmarks';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const strict = args.includes('--strict');
const names = args.filter((arg) => !arg.startsWith('--'));
const chosen = BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name));
const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown benchmark: ${unknown.join(', ')} (known: ${BENCHMARKS.map((b) => b.name).join(', ')})`,
  );
  process.exit(2);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `${new Date().toISOString()}  Node ${process.version}  ${cpu} × ${cpus().length}  ${Math.round(totalmem() / 2 ** 30)} GB${quick ? '  (quick)' : ''}`,
);
let missed = 0;
for (const benchmark of chosen) {
  console.log(`\n${benchmark.name}: ${benchmark.description}`);
  const result = await benchmark.run({ quick });
  for (const line of result.lines) console.log(line);
  if (!result.goalMet) missed++;
}
if (strict && missed > 0) process.exitCode = 1;
