// LIF (NEF.md §2), as the CPU's LifKernel: refractory countdown, exact exponential integration over the
// usable part of the step, spike detection, sub-step spike time, min_voltage clamp, reset.
// ops: (J, output, voltage, refractory_time, n); params: (tau_rc, tau_ref, min_voltage, amplitude/dt).
__kernel void lif(__global real* buf, const int nblocks, __global const int* blocks,
                  __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 5 * k;
    if (i >= o[4]) return;
    __global const real* p = params + 4 * k;
    const real tau_rc = p[0];
    const real j = buf[o[0] + i];
    real refractory = buf[o[3] + i] - dt;
    const real delta = clamp(dt - refractory, R(0.0), dt);
    real v = buf[o[2] + i];
    v += (j - v) * -expm1(-delta / tau_rc);
    real out;
    if (v > R(1.0)) {
        out = p[3];
        const real t_spike = dt + tau_rc * log1p(-(v - R(1.0)) / (j - R(1.0)));
        v = R(0.0);
        refractory = p[1] + t_spike;
    } else {
        out = R(0.0);
        if (v < p[2]) v = p[2];
    }
    buf[o[1] + i] = out;
    buf[o[2] + i] = v;
    buf[o[3] + i] = refractory;
}
