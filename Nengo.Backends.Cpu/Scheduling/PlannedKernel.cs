using Nengo.Backends.Cpu.Kernels;

namespace Nengo.Backends.Cpu.Scheduling;

/// <summary>
/// A kernel placed in the step: its dependency level, the arena ranges it writes (kernels of one level
/// that write overlapping ranges run in <see cref="Order"/> on one thread), an estimated cost for load
/// balancing, and a name for profiles.
/// </summary>
/// <param name="Kernel">The kernel.</param>
/// <param name="Level">Its dependency level (the level of the operators it runs).</param>
/// <param name="Order">Step-order position of its (first) operator; ties keep build order.</param>
/// <param name="Writes">Arena ranges it sets, increments or updates.</param>
/// <param name="Cost">Estimated elements touched per step.</param>
/// <param name="Name">Operator type, e.g. <c>SimNeurons(LIF)</c>.</param>
internal sealed record PlannedKernel(CpuKernel Kernel, int Level, int Order, (int Start, int Length)[] Writes, long Cost, string Name);
