// Probes: copies every probed element of one sampling-period group into its row of the group's probe
// buffer, which the host drains once per block of steps. entries: (source, column).
__kernel void probe(__global const real* buf, __global real* probes, const int n, __global const int* entries,
                    const int width, const int row)
{
    const int e = get_global_id(0);
    if (e >= n) return;
    probes[row * width + entries[2 * e + 1]] = buf[entries[2 * e]];
}
