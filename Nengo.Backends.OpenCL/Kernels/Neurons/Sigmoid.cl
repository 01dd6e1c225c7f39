// Sigmoid: out = (1/tau_ref)/(1 + exp(-J)). ops: (J, output, n); params: (1/tau_ref).
__kernel void sigmoid(__global real* buf, const int nblocks, __global const int* blocks,
                      __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 3 * k;
    if (i >= o[2]) return;
    buf[o[1] + i] = params[k] / (R(1.0) + exp(-buf[o[0] + i]));
}
