// The merged gather-scatter of one dependency level: every Reset (copying from the constant pool),
// every non-accumulating Copy and every host value computed ahead (a host-table column) in one table
// of (destination, source) pairs. Within a level each element is set at most once, so there are no races.
__kernel void copy(__global real* buf, const int n, __global const int* entries,
                   const int table, const int width, const int row)
{
    const int e = get_global_id(0);
    if (e >= n) return;
    const int src = entries[2 * e + 1];
    buf[entries[2 * e]] = buf[SOURCE(src, table, width, row)];
}
