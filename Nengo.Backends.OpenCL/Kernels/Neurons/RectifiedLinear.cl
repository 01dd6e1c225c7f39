// RectifiedLinear: out = amplitude*max(0, J). ops: (J, output, n); params: (amplitude).
__kernel void rectified_linear(__global real* buf, const int nblocks, __global const int* blocks,
                               __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 3 * k;
    if (i >= o[2]) return;
    buf[o[1] + i] = params[k] * fmax(R(0.0), buf[o[0] + i]);
}
