// Preloaded (node -r) into the `closed-telework verify` process `npm run bench -- prefecture` starts: when
// the process exits, writes its own resource usage as JSON to $BENCH_USAGE_FILE — peak resident memory and
// CPU seconds, which the parent cannot read from spawnSync. Plain JavaScript: it loads before any hook.
'use strict';
if (process.env.BENCH_USAGE_FILE) {
  const fs = require('fs');
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
