// Y += A*X for every DotInc of one dependency level (encoders, decoders, transforms, weights) in one
// launch: one work-item per output element, summing the dot products of all its terms. DotIncs into
// the same output are terms of one row (nengo_ocl's MultiDotInc), so each element has one writer.
// rows: (y, first term, term count) per output element; terms: (a, x, n): A[a..a+n) . X[x..x+n).
__kernel void dot_inc(__global real* buf, const int nrows, __global const int* rows, __global const int* terms)
{
    const int r = get_global_id(0);
    if (r >= nrows) return;
    __global const int* row = rows + 3 * r;
    real sum = R(0.0);
    const int end = row[1] + row[2];
    for (int t = row[1]; t < end; t++) {
        __global const int* term = terms + 3 * t;
        __global const real* a = buf + term[0];
        __global const real* x = buf + term[1];
        const int n = term[2];
        for (int k = 0; k < n; k++) sum += a[k] * x[k];
    }
    buf[row[0]] += sum;
}
