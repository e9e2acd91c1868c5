import { run as rollup } from './rollup.bench';

/**
 * `npm run bench [-- --quick]`: runs every benchmark module. Modules are self-contained: each
 * exports `run({ quick })`, prints its figures with the baseline measured in the same run and the
 * ratio, and returns them.
 */
const quick = process.argv.includes('--quick');
console.log(
  `Catchball benchmarks — node ${process.version}, ${new Date().toISOString()}${quick ? ' (quick)' : ''}`,
);
console.log('\n## roll-up');
await rollup({ quick });
