// Y += A*X elementwise, with broadcasting resolved into one (y, a, x) entry per output element. Also
// runs accumulating Copies (a = the constant 1) and accumulating host values (x = a host-table column).
// Entries of one launch have distinct y (the planner splits repeats into further launches).
__kernel void elementwise_inc(__global real* buf, const int n, __global const int* entries,
                              const int table, const int width, const int row)
{
    const int e = get_global_id(0);
    if (e >= n) return;
    __global const int* t = entries + 3 * e;
    buf[t[0]] += buf[t[1]] * buf[SOURCE(t[2], table, width, row)];
}
