// Synapses (SimProcess of a LinearFilter), one work-item per filtered dimension, every filter of a level
// in one launch. ops: per filter (input, output, state, n, inc, ...); inc = 1 accumulates into the output.

// Lowpass fast path (one state, D = 0), as the CPU's: the state holds C*x, so x <- a*x + (C*B)*u; y = x.
// params: (decay, gain) per filter.
__kernel void lowpass(__global real* buf, const int nblocks, __global const int* blocks,
                      __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 5 * k;
    if (i >= o[3]) return;
    const real y = params[2 * k] * buf[o[2] + i] + params[2 * k + 1] * buf[o[0] + i];
    buf[o[2] + i] = y;
    if (o[4]) buf[o[1] + i] += y; else buf[o[1] + i] = y;
}

// Any LinearFilter, with the reference semantics of DiscreteStateSpace.Step: no state: y = D*u;
// strictly proper (D == 0 exactly, decided on the host in float64): x <- A*x + B*u, then y = C*x;
// otherwise y = C*x + D*u, then x <- A*x + B*u. Dimension i's state is state[i*order .. (i+1)*order).
// ops: (input, output, state, n, inc, order, first param, strictly proper);
// params: A (order*order, row-major), B (order), C (order), D.
#define MAX_ORDER 16
__kernel void linear_filter(__global real* buf, const int nblocks, __global const int* blocks,
                            __global const int* ops, __global const real* params)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 8 * k;
    if (i >= o[3]) return;
    const int m = o[5];
    __global const real* A = params + o[6];
    __global const real* B = A + m * m;
    __global const real* C = B + m;
    const real D = C[m];
    const real u = buf[o[0] + i];
    real y = R(0.0);
    if (m == 0) {
        y = D * u;
    } else {
        __global real* x = buf + o[2] + i * m;
        if (!o[7]) {
            for (int j = 0; j < m; j++) y += C[j] * x[j];
            y += D * u;
        }
        real next[MAX_ORDER];
        for (int r = 0; r < m; r++) {
            real s = B[r] * u;
            for (int c = 0; c < m; c++) s += A[r * m + c] * x[c];
            next[r] = s;
        }
        for (int r = 0; r < m; r++) x[r] = next[r];
        if (o[7]) for (int r = 0; r < m; r++) y += C[r] * x[r];
    }
    if (o[4]) buf[o[1] + i] += y; else buf[o[1] + i] = y;
}
