// RegularSpiking: v += dt*r; k = floor(v); out = amplitude*k/dt; v -= k (r: the base type's rate).
// ops: (rate, output, voltage, n); params: (amplitude/dt).
__kernel void regular_spiking(__global real* buf, const int nblocks, __global const int* blocks,
                              __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 4 * k;
    if (i >= o[3]) return;
    const real v = buf[o[2] + i] + dt * buf[o[0] + i];
    const real spikes = floor(v);
    buf[o[1] + i] = params[k] * spikes;
    buf[o[2] + i] = v - spikes;
}
