// Y += A*X for sparse A, as gathered products: every SparseDotInc, ConvInc and ConvTransposeInc of one
// dependency level in one launch, one work-item per output element, summing its (a, x) pairs:
// sum of buf[a]*buf[x]. Operators into the same output element share its row (one writer per element).
// rows: (y, first pair, pair count) per output element; pairs: (a, x).
__kernel void sparse_dot_inc(__global real* buf, const int nrows, __global const int* rows, __global const int* pairs)
{
    const int r = get_global_id(0);
    if (r >= nrows) return;
    __global const int* row = rows + 3 * r;
    real sum = R(0.0);
    const int end = row[1] + row[2];
    for (int p = row[1]; p < end; p++) sum += buf[pairs[2 * p]] * buf[pairs[2 * p + 1]];
    buf[row[0]] += sum;
}
