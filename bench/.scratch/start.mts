import { spawn } from 'node:child_process';
const dir = process.argv[2]!;
const cmd = process.argv[3]!.split(' ');
const t0 = performance.now();
const child = spawn(cmd[0]!, cmd.slice(1), {
  detached: true,
  env: { ...process.env, TOCSIN_DATA_DIR: dir, PORT: '18181', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
child.stdout.on('data', (b: Buffer) => {
  if (b.toString().includes('listening')) {
    console.log('ready', (performance.now() - t0).toFixed(0), 'ms');
    process.kill(-child.pid!, 'SIGTERM');
  }
});
child.on('exit', () => console.log('exit', (performance.now() - t0).toFixed(0)));
setTimeout(() => {
  process.kill(-child.pid!, 'SIGKILL');
}, 60000).unref();
