// Turns the raw per-repetition measurements into medians, spreads and ratios.
import { summary, median } from './stats.mjs';

const FIGURES = ['rps', 'p50', 'p99', 'cpuUsPerReq', 'eluUsPerReq', 'rssMB'];

/**
 * raw: { cells: [cellResult & { rep }], capacity: [capResult & { rep }] }
 * Returns { cells: { [workload]: { [concurrency]: { [client]: {rps:{median,min,max}, ...} } } },
 *           capacity: { [workload]: { [concurrency]: {rps, p50, p99} } },
 *           ratios: { [workload]: { [concurrency]: { nativeOverOfficial, nativeOverRaw } } } }
 */
export function aggregate(raw, { workloads, concurrencies, clients }) {
  const cells = {};
  const capacity = {};
  const ratios = {};
  for (const w of workloads) {
    cells[w] = {};
    capacity[w] = {};
    ratios[w] = {};
    for (const c of concurrencies) {
      cells[w][c] = {};
      for (const cl of clients) {
        const runs = raw.cells.filter((r) => r.workload === w && r.concurrency === c && r.client === cl);
        if (runs.length === 0) continue;
        const agg = { reps: runs.length, errors: runs.reduce((s, r) => s + (r.errors || 0), 0) };
        for (const f of FIGURES) agg[f] = summary(runs.map((r) => r[f]));
        agg.lastError = runs.map((r) => r.lastError).find(Boolean) ?? null;
        cells[w][c][cl] = agg;
      }
      const caps = raw.capacity.filter((r) => r.workload === w && r.concurrency === c && r.available);
      if (caps.length) {
        capacity[w][c] = {
          tool: caps[0].tool,
          rps: summary(caps.map((r) => r.rps)),
          p50: summary(caps.map((r) => r.p50)),
          p99: summary(caps.map((r) => r.p99)),
          errors: caps.reduce((s, r) => s + (r.errors || 0), 0),
        };
      }
      ratios[w][c] = {
        nativeOverOfficial: ratio(raw.cells, w, c, 'native', 'official'),
        nativeOverRaw: ratio(raw.cells, w, c, 'native', 'raw'),
      };
    }
  }
  return { cells, capacity, ratios };
}

/** Throughput ratio a/b: the ratio of medians, and the min–max of the per-repetition ratios. */
function ratio(all, w, c, a, b) {
  const pick = (cl) => all.filter((r) => r.workload === w && r.concurrency === c && r.client === cl);
  const ra = pick(a);
  const rb = pick(b);
  if (!ra.length || !rb.length) return null;
  const perRep = [];
  for (const x of ra) {
    const y = rb.find((r) => r.rep === x.rep);
    if (y && y.rps > 0) perRep.push(x.rps / y.rps);
  }
  const mb = median(rb.map((r) => r.rps));
  return {
    ofMedians: mb ? median(ra.map((r) => r.rps)) / mb : null,
    perRep: summary(perRep),
  };
}
