// Preloaded into the command line's process by the bench: on exit, writes the process's peak
// resident memory (MB) and the processor time it used (ms) to the file BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
    writeFileSync(target, JSON.stringify({ peakRssMb: Math.round(usage.maxRSS / 1024), cpuMs }));
  });
}
