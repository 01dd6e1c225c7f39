namespace Nengo.Backends.OpenCL.Planning;

/// <summary>One thing a step does, in order: a kernel launch or a host round trip.</summary>
internal interface IStepItem
{
    /// <summary>Enqueues (or, for host work, performs) this item for one step.</summary>
    /// <param name="row">The step's row within the current block (0-based): which host-table row to read.</param>
    /// <param name="step">The step number being computed (1-based, as TimeUpdate sets it).</param>
    /// <param name="time">That step's time, step·dt.</param>
    void Run(int row, long step, double time);
}

/// <summary>A kernel launch whose arguments were set at plan time; <see cref="PerStep"/> sets the few that change per step.</summary>
/// <param name="Context">The queue's context.</param>
/// <param name="Kernel">The kernel.</param>
/// <param name="WorkItems">The global work size.</param>
/// <param name="PerStep">Sets per-step arguments (the host-table row, the step and time), or null.</param>
internal sealed record Launch(Interop.ClContext Context, Interop.ClKernel Kernel, int WorkItems, Action<Interop.ClKernel, int, long, double>? PerStep = null) : IStepItem
{
    /// <inheritdoc />
    public void Run(int row, long step, double time)
    {
        PerStep?.Invoke(Kernel, row, step, time);
        Context.Launch(Kernel, (nuint)WorkItems);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kernel.Name} x{WorkItems}";
}
