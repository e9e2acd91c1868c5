import { formatResult } from './bench-result';
import { run as rollup } from './rollup.bench';

/**
 * `npm run bench [-- --quick]`: runs every benchmark module and prints each figure with the
 * baseline measured in the same run and the ratio. Modules are self-contained: each exports
 * `run({ quick })` returning its results.
 */
const quick = process.argv.includes('--quick');
const suites = [{ name: 'roll-up', run: rollup }];

console.log(
  `Catchball benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}`,
);
for (const suite of suites) {
  console.log(`\n## ${suite.name}`);
  for (const result of await suite.run({ quick })) console.log(formatResult(result));
}
