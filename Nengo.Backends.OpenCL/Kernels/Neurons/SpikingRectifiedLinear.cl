// SpikingRectifiedLinear: v += max(J, 0)*dt; k = floor(v) spikes; out = amplitude*k/dt; v -= k.
// ops: (J, output, voltage, n); params: (amplitude/dt).
__kernel void spiking_rectified_linear(__global real* buf, const int nblocks, __global const int* blocks,
                                       __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 4 * k;
    if (i >= o[3]) return;
    const real v = buf[o[2] + i] + fmax(buf[o[0] + i], R(0.0)) * dt;
    const real spikes = floor(v);
    buf[o[1] + i] = params[k] * spikes;
    buf[o[2] + i] = v - spikes;
}
