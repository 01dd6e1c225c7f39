// Izhikevich (NEF.md §2), as Izhikevich.Step: J clipped at -30; v += k*(0.04v^2 + 5v + 140 - u + J),
// k = 1000*dt; spike at v >= 30 (out = 1/dt) and reset v before the recovery update; then the jump.
// ops: (J, output, voltage, recovery, n);
// params: (tau_recovery, coupling, reset_voltage, reset_recovery, 1/dt, 1000*dt).
__kernel void izhikevich(__global real* buf, const int nblocks, __global const int* blocks,
                         __global const int* ops, __global const real* params, const real dt)
{
    RAGGED(blocks, nblocks, k, i);
    __global const int* o = ops + 5 * k;
    if (i >= o[4]) return;
    __global const real* p = params + 6 * k;
    const real j = fmax(buf[o[0] + i], R(-30.0));
    const real kk = p[5];
    real v = buf[o[2] + i];
    real u = buf[o[3] + i];
    v += kk * (R(0.04) * v * v + R(5.0) * v + R(140.0) - u + j);
    const int spiked = v >= R(30.0);
    if (spiked) v = p[2];
    u += kk * p[0] * (p[1] * v - u);
    if (spiked) u += p[3];
    buf[o[1] + i] = spiked ? p[4] : R(0.0);
    buf[o[2] + i] = v;
    buf[o[3] + i] = u;
}
