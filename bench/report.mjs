// Renders the aggregated results as markdown (bench/results/latest.md).

const f0 = (x) => (x == null ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const f1 = (x) => (x == null ? '–' : x.toFixed(1));
const f2 = (x) => (x == null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const spread = (s, fmt = f0) => (s && s.median != null ? (s.n > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median)) : '–');
const x = (r) => (r && r.ofMedians != null ? `${r.ofMedians.toFixed(2)}x` + (r.perRep.n > 1 ? ` (${r.perRep.min.toFixed(2)}–${r.perRep.max.toFixed(2)})` : '') : '–');

export function renderMarkdown(res) {
  const { meta, agg, parse, rss, loadTime, config } = res;
  const L = [];
  L.push('# Benchmark: official `@wacht/backend` vs this package (native) vs raw undici');
  L.push('');
  L.push(`Machine: **${meta.machine.cpu}**, ${meta.machine.cores} cores, ${meta.machine.memGB} GB, ${meta.machine.os}; Node ${meta.machine.node}; ${meta.machine.date}.` +
    (meta.machine.loadavg ? ` Load average (1/5/15 min) at the start ${meta.machine.loadavg.join(' / ')}, at the end ${meta.loadavgEnd ? meta.loadavgEnd.join(' / ') : '?'} (other work shared the machine).` : ''));
  L.push(`Commit ${meta.git}; native binary ${meta.nativeBinary}. Official SDK ${meta.officialVersion}; undici ${meta.undiciVersion}.`);
  L.push(`Per cell: ${config.warmupMs} ms warmup + ${config.durationMs} ms measured, ${config.reps} repetition(s), each cell in a fresh Node process; ` +
    'figures are the median with the (min–max) over repetitions. The shared machine is noisy: compare ratios within this run, not absolute numbers across runs.');
  L.push(`Total bench time: ${(meta.elapsedMs / 60000).toFixed(1)} min.`);
  L.push('');
  L.push('## Throughput ratios at concurrency 16 (targets: ≥5x official on getOrganization, ≥3x on the 100-item list)');
  L.push('');
  L.push('| workload | native req/s | official req/s | raw req/s | server (wrk) req/s | native / official | native / raw |');
  L.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const w of config.workloads) {
    const c = agg.cells[w]?.[16];
    if (!c) continue;
    const cap = agg.capacity[w]?.[16];
    L.push(`| ${w} | ${f0(c.native?.rps.median)} | ${f0(c.official?.rps.median)} | ${f0(c.raw?.rps.median)} | ${f0(cap?.rps.median)} | **${x(agg.ratios[w][16].nativeOverOfficial)}** | ${x(agg.ratios[w][16].nativeOverRaw)} |`);
  }
  L.push('');
  L.push('Ratio columns: ratio of the medians, then (min–max) of the per-repetition ratios (the clients of one repetition run back to back).');
  L.push('');
  L.push('![throughput at concurrency 16](throughput.svg)');
  L.push('');
  L.push('## Event-loop busy time per call vs JSON.parse of the same body (target: native ≤ JSON.parse + 25 µs)');
  L.push('');
  L.push('| workload | body bytes | JSON.parse µs | native ELU µs/call (c=1 / 16 / 256) | raw ELU µs/call (c=16) | official ELU µs/call (c=16) | native − JSON.parse (c=16) |');
  L.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const w of config.workloads) {
    const p = parse?.[w];
    const n = (c) => agg.cells[w]?.[c]?.native?.eluUsPerReq.median;
    const n16 = n(16);
    const margin = p && n16 != null ? n16 - p.parseUs : null;
    const verdict = margin == null ? '' : margin <= 25 ? ' ✓' : ' ✗';
    L.push(`| ${w} | ${p ? p.bytes.toLocaleString('en-US') : '–'} | ${p ? f1(p.parseUs) : '–'} | ${config.concurrencies.map((c) => f1(n(c))).join(' / ')} | ${f1(agg.cells[w]?.[16]?.raw?.eluUsPerReq.median)} | ${f1(agg.cells[w]?.[16]?.official?.eluUsPerReq.median)} | ${margin == null ? '–' : (margin >= 0 ? '+' : '') + margin.toFixed(1) + ' µs' + verdict} |`);
  }
  L.push('');
  if (rss) {
    L.push(`## RSS across ${rss.calls.toLocaleString('en-US')} sequential getOrganization calls (${rss.client}; target: flat within 20 MB)`);
    L.push('');
    L.push(`Before the first call ${f1(rss.beforeMB)} MB; after 1% of the calls (start) **${f1(rss.startMB)} MB**, end **${f1(rss.endMB)} MB**, max ${f1(rss.maxMB)} MB, min ${f1(rss.minMB)} MB: ` +
      `growth start→end ${rss.growthMB >= 0 ? '+' : ''}${f1(rss.growthMB)} MB, max−start ${f1(rss.maxMB - rss.startMB)} MB ${rss.maxMB - rss.startMB <= 20 ? '✓' : '✗'}. ` +
      `(${rss.seconds.toFixed(1)} s, ${Math.round(rss.calls / rss.seconds).toLocaleString('en-US')} calls/s sequential.)`);
    L.push('');
  }
  if (loadTime) {
    L.push('## Module load time (fresh process each, median of runs; target < 30 ms)');
    L.push('');
    L.push('| module | median ms | min–max ms | runs |');
    L.push('|---|---:|---:|---:|');
    for (const [k, s] of Object.entries(loadTime)) {
      const label = { native: "this package: require('@wacht/backend')", 'native-esm': "this package: import('@wacht/backend')", official: "official: import('@wacht/backend')" }[k] || k;
      L.push(`| ${label} | ${f1(s.median)} | ${f1(s.min)}–${f1(s.max)} | ${s.n} |`);
    }
    L.push('');
  }
  L.push('## All cells');
  L.push('');
  L.push('req/s, p50 and p99 latency (ms), CPU µs per request of the whole client process (all threads), event-loop busy µs per request, RSS at the end of the cell (MB). ' +
    '"% of server" is the client\'s req/s over the wrk capacity at the same concurrency.');
  for (const w of config.workloads) {
    L.push('');
    L.push(`### ${w}`);
    L.push('');
    L.push('| client | conc | req/s | % of server | p50 ms | p99 ms | CPU µs/req | ELU µs/req | RSS MB | errors | vs official | vs raw |');
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const c of config.concurrencies) {
      const cap = agg.capacity[w]?.[c];
      for (const cl of config.clients) {
        const r = agg.cells[w]?.[c]?.[cl];
        if (!r) continue;
        const pct = cap && r.rps.median != null ? `${Math.round((100 * r.rps.median) / cap.rps.median)}%` : '–';
        const vsO = cl === 'native' ? x(agg.ratios[w][c].nativeOverOfficial) : '';
        const vsR = cl === 'native' ? x(agg.ratios[w][c].nativeOverRaw) : '';
        L.push(`| ${cl} | ${c} | ${spread(r.rps)} | ${pct} | ${f2(r.p50.median)} | ${f2(r.p99.median)} | ${f0(r.cpuUsPerReq.median)} | ${f0(r.eluUsPerReq.median)} | ${f0(r.rssMB.median)} | ${r.errors} | ${vsO} | ${vsR} |`);
      }
      if (cap) L.push(`| *server (${cap.tool})* | ${c} | ${spread(cap.rps)} | 100% | ${f2(cap.p50.median)} | ${f2(cap.p99.median)} | | | | ${cap.errors} | | |`);
    }
  }
  L.push('');
  L.push('## What is measured');
  L.push('');
  for (const n of res.notes) L.push(`- ${n}`);
  const errs = [];
  for (const w of config.workloads) for (const c of config.concurrencies) for (const cl of config.clients) {
    const r = agg.cells[w]?.[c]?.[cl];
    if (r && r.errors) errs.push(`${cl} ${w} c=${c}: ${r.errors} errors, e.g. ${r.lastError}`);
  }
  if (errs.length) {
    L.push('');
    L.push('## Errors');
    L.push('');
    for (const e of errs) L.push(`- ${e}`);
  }
  L.push('');
  return L.join('\n');
}
