// Tanh: out = tanh(J)/tau_ref. ops: (J, output, n); params: (1/tau_ref).
__kernel void tanh_neurons(__global real* buf, const int nblocks, __global const int* blocks,
                           __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 3 * k;
    if (i >= o[2]) return;
    buf[o[1] + i] = params[k] * tanh(buf[o[0] + i]);
}
