import { runCli } from './cli';

// The only place that ends the process: commands return an exit code and close what they opened.
const code = await runCli(process.argv);
process.exit(code);
