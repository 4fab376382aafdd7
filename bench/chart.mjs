// Hand-written SVG: grouped bars of req/s per workload at one concurrency, one bar per client,
// log-scale y axis (the 25 KB list is an order of magnitude slower than the rest), server
// capacity (wrk) drawn as a dashed line over each group.

const COLORS = { official: '#9e9e9e', native: '#d9480f', raw: '#1c7ed6' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function renderSvg(agg, { workloads, clients, concurrency = 16, title }) {
  const W = 860, H = 420, left = 70, right = 20, top = 50, bottom = 70;
  const plotW = W - left - right, plotH = H - top - bottom;
  const values = [];
  for (const w of workloads) {
    for (const cl of clients) values.push(agg.cells[w]?.[concurrency]?.[cl]?.rps.median);
    values.push(agg.capacity[w]?.[concurrency]?.rps.median);
  }
  const finite = values.filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...finite, 100))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...finite, 1000))));
  const y = (v) => top + plotH - ((Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotH;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${esc(title || `Requests per second at concurrency ${concurrency} (median, log scale)`)}</text>`);
  for (let d = lo; d <= hi; d *= 10) {
    for (const m of [1, 2, 5]) {
      const v = d * m;
      if (v > hi) break;
      const yy = y(v).toFixed(1);
      out.push(`<line x1="${left}" x2="${W - right}" y1="${yy}" y2="${yy}" stroke="${m === 1 ? '#ccc' : '#eee'}"/>`);
      out.push(`<text x="${left - 6}" y="${yy}" dy="4" text-anchor="end" fill="#555">${v >= 1000 ? v / 1000 + 'k' : v}</text>`);
    }
  }
  out.push(`<text transform="translate(16 ${top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#333">req/s</text>`);
  const groupW = plotW / workloads.length;
  const barW = Math.min(48, (groupW - 30) / clients.length);
  workloads.forEach((w, gi) => {
    const gx = left + gi * groupW + (groupW - barW * clients.length) / 2;
    clients.forEach((cl, bi) => {
      const v = agg.cells[w]?.[concurrency]?.[cl]?.rps.median;
      if (!(v > 0)) return;
      const x = gx + bi * barW;
      const yy = y(v);
      out.push(`<rect x="${(x + 2).toFixed(1)}" y="${yy.toFixed(1)}" width="${(barW - 4).toFixed(1)}" height="${(top + plotH - yy).toFixed(1)}" fill="${COLORS[cl] || '#555'}"><title>${esc(`${cl} ${w}: ${Math.round(v)} req/s`)}</title></rect>`);
      out.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${(yy - 4).toFixed(1)}" text-anchor="middle" font-size="10" fill="#333">${v >= 10000 ? (v / 1000).toFixed(1) + 'k' : Math.round(v)}</text>`);
    });
    const cap = agg.capacity[w]?.[concurrency]?.rps.median;
    if (cap > 0) {
      const yy = y(cap).toFixed(1);
      out.push(`<line x1="${gx - 6}" x2="${gx + barW * clients.length + 6}" y1="${yy}" y2="${yy}" stroke="#2b8a3e" stroke-width="2" stroke-dasharray="5 3"><title>${esc(`server capacity (wrk) ${w}: ${Math.round(cap)} req/s`)}</title></line>`);
    }
    out.push(`<text x="${(left + gi * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" fill="#222">${esc(w)}</text>`);
  });
  out.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`);
  let lx = left;
  const ly = H - 22;
  for (const cl of clients) {
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLORS[cl] || '#555'}"/><text x="${lx + 16}" y="${ly}">${esc(cl === 'native' ? 'native (this package)' : cl === 'raw' ? 'raw undici + JSON.parse' : 'official SDK')}</text>`);
    lx += 190;
  }
  out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="#2b8a3e" stroke-width="2" stroke-dasharray="5 3"/><text x="${lx + 28}" y="${ly}">server capacity (wrk)</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
