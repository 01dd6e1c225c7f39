// TimeUpdate: step += 1; time = step*dt. The host passes both values (it counts steps as int64 and
// computes time in float64), so float32 time never accumulates rounding error.
__kernel void time_update(__global real* buf, const int step_at, const int time_at, const real step, const real time)
{
    if (get_global_id(0) != 0) return;
    buf[step_at] = step;
    buf[time_at] = time;
}
