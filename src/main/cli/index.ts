// disclose: the command line over the same core as the app (`npm run -s cli -- ...`). `--json`
// prints the contract's JSON on stdout; errors go to stderr with a non-zero exit (1: refused or
// failed, 2: usage).
import { runCli } from './run';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
