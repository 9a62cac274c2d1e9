type EChartsBundle = typeof import('./echarts-bundle.js');

let loading: Promise<EChartsBundle> | undefined;

/** Loads the chart chunk once per page; later callers share the same promise. */
export function loadECharts(): Promise<EChartsBundle> {
  loading ??= import('./echarts-bundle.js').catch((error: unknown) => {
    loading = undefined; // a failed download (offline, deploy in progress) may be retried
    throw error;
  });
  return loading;
}
