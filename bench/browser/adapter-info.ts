/** What WebGPU adapter this browser offers, in words: a benchmark table must say what it ran on. */
export interface AdapterInfo {
  available: boolean;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

interface GpuAdapterLike {
  info?: {
    vendor?: string;
    architecture?: string;
    device?: string;
    description?: string;
    isFallbackAdapter?: boolean;
  };
  isFallbackAdapter?: boolean;
}

export async function adapterInfo(): Promise<AdapterInfo> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter() : null;
  if (!adapter) return { available: false };
  const info = adapter.info ?? {};
  // Newer Chromium moved isFallbackAdapter from the adapter into adapter.info.
  const fallback = info.isFallbackAdapter ?? adapter.isFallbackAdapter;
  return {
    available: true,
    ...(info.vendor ? { vendor: info.vendor } : {}),
    ...(info.architecture ? { architecture: info.architecture } : {}),
    ...(info.device ? { device: info.device } : {}),
    ...(info.description ? { description: info.description } : {}),
    ...(fallback === undefined ? {} : { isFallbackAdapter: fallback }),
  };
}
