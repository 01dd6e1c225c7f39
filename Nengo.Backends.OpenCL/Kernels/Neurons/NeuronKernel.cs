using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels.Neurons;

/// <summary>
/// Every population of one neuron type within one dependency level, stepped by one ragged launch: per
/// population the offsets (J, output, each state, n) and the type's parameters (per population, not per
/// neuron, so they cost no bandwidth per neuron). Subclasses name the kernel and pack the parameters.
/// </summary>
internal abstract class NeuronKernel : RaggedKernelGroup
{
    /// <summary>The state signals the kernel expects (the type's <see cref="NeuronType.State"/> count).</summary>
    protected abstract int States { get; }

    /// <inheritdoc />
    protected override bool TakesDt => true;

    /// <summary>Appends the parameters of one population, always the same count for a type.</summary>
    /// <param name="type">The population's neuron type.</param>
    /// <param name="dt">The time step.</param>
    /// <param name="into">Where to append.</param>
    protected abstract void Parameters(NeuronType type, double dt, List<double> into);

    /// <summary>Adds a population.</summary>
    /// <param name="op">The operator.</param>
    /// <param name="arena">The signal layout.</param>
    /// <param name="dt">The time step.</param>
    /// <exception cref="BuildError">When the operator's state does not match the kernel.</exception>
    public void Add(SimNeurons op, SignalArena arena, double dt)
    {
        if (op.States.Count != States)
            throw new BuildError($"OpenCL backend: {KernelName} needs {States} state signals, {op} has {op.States.Count} ({op.Tag}).");
        Ops.Add(arena.OffsetOf(op.Current));
        Ops.Add(arena.OffsetOf(op.Output));
        foreach (var s in op.States) Ops.Add(arena.OffsetOf(s));
        Ops.Add(op.Count);
        Parameters(op.NeuronType, dt, Params);
        Lengths.Add(op.Count);
    }
}
