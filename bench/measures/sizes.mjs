// What the pages download: gzip -9 of each JavaScript file a page requested (what travels over the
// wire), and the proof that a tiles-only page never asks for the chart chunk.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** ECharts' internal property prefix: present in the chart chunk, in no other code of ours. */
const ECHARTS_FINGERPRINT = '__ec_';

function fileOf(build, urlPath) {
  const prefix = `/${build.name}/`;
  if (!urlPath.startsWith(prefix)) throw new Error(`${urlPath} is not part of the ${build.name} build`);
  return urlPath.slice(prefix.length);
}

export function gzipBytes(build, file) {
  return gzipSync(readFileSync(path.join(build.outDir, file)), { level: 9 }).length;
}

/** gzip -9 bytes of `files` (paths inside the build), each compressed on its own as served. */
export function gzipTotal(build, files) {
  return [...new Set(files)].reduce((sum, file) => sum + gzipBytes(build, file), 0);
}

/** The build-relative JS files a run requested. */
export function requestedFiles(build, run) {
  return [...new Set(run.scripts)].map((p) => fileOf(build, p));
}

/**
 * Throws unless no run of the tiles page requested the chart chunk: its build holds no chart chunk, no
 * request names one (or echarts), and no script it loaded carries ECharts code.
 */
export function assertNoChartChunk(tilesBuild, dashboardBuild, runs) {
  const problems = [];
  if (tilesBuild.graph.chart.length) problems.push(`the tiles build contains a chart chunk (${tilesBuild.graph.chart.join(', ')})`);
  const chartNames = [...tilesBuild.graph.chart, ...dashboardBuild.graph.chart].map((f) => path.basename(f));
  runs.forEach((run, i) => {
    for (const { url } of run.requests) {
      const name = path.basename(new URL(url).pathname);
      if (chartNames.includes(name) || /echarts/i.test(url)) problems.push(`run ${i + 1} requested ${url}`);
    }
    for (const file of requestedFiles(tilesBuild, run)) {
      if (readFileSync(path.join(tilesBuild.outDir, file), 'utf8').includes(ECHARTS_FINGERPRINT)) {
        problems.push(`run ${i + 1} loaded ${file}, which contains ECharts code`);
      }
    }
  });
  if (problems.length) throw new Error(`THE TILES PAGE LOADS THE CHART CHUNK:\n  ${problems.join('\n  ')}`);
  return { runs: runs.length, requests: runs.reduce((n, r) => n + r.requests.length, 0) };
}
