using Nengo.Backends.OpenCL.Kernels.Neurons;
using Nengo.Backends.OpenCL.Memory;
using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// Places each operator of the graph (one visitor method per operator type): into the kernel group of
/// its kind in its dependency level, or, for user code, into the host table (functions of time alone)
/// or a host round trip (functions with input).
/// </summary>
internal sealed class KernelFactory(SignalArena arena, HostTable table, double dt) : IOperatorVisitor<bool>
{
    private readonly Dictionary<Type, Func<NeuronKernel>> _neurons = NeuronKernels.RegisterDefaults();
    private readonly Dictionary<Type, ProcessKind> _processes = ProcessKernels.RegisterDefaults();

    /// <summary>The level of the operator being visited.</summary>
    public LevelPlan Level { get; set; } = new(0);

    /// <summary>Every host function, in step order (they are reseeded in this order, as on the CPU).</summary>
    public List<HostFunction> HostFunctions { get; } = [];

    /// <inheritdoc />
    public bool Visit(TimeUpdate op) { Level.Group<TimeUpdateKernel>().Add(op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(Reset op) { ResetKernel.Add(Level.Group<CopyKernel>(), op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(Copy op)
    {
        if (op.Inc) Level.Group<ElementwiseIncKernel>().Add(op, arena);
        else Level.Group<CopyKernel>().Add(op, arena);
        return true;
    }

    /// <inheritdoc />
    public bool Visit(ElementwiseInc op) { Level.Group<ElementwiseIncKernel>().Add(op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(DotInc op) { Level.Group<DotIncKernel>().Add(op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(SimPES op) { Level.Group<SimPESKernel>().Add(op, arena, dt); return true; }

    /// <inheritdoc />
    public bool Visit(SimBCM op) { Level.Group<SimBCMKernel>().Add(op, arena, dt); return true; }

    /// <inheritdoc />
    public bool Visit(SimOja op) { Level.Group<SimOjaKernel>().Add(op, arena, dt); return true; }

    /// <inheritdoc />
    public bool Visit(SimVoja op) { Level.Group<SimVojaKernel>().Add(op, arena, dt); return true; }

    /// <inheritdoc />
    public bool Visit(SimRLS op) { Level.Group<SimRLSKernel>().Add(op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(SparseDotInc op) { Level.Group<SparseDotIncKernel>().Add(op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(ConvInc op) { ConvIncKernel.Add(Level.Group<SparseDotIncKernel>(), op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(ConvTransposeInc op) { ConvTransposeIncKernel.Add(Level.Group<SparseDotIncKernel>(), op, arena); return true; }

    /// <inheritdoc />
    public bool Visit(SimNeurons op)
    {
        var type = op.NeuronType.GetType();
        if (!_neurons.TryFind(type, out var key, out var make))
            throw new NotSupportedByBackendError(
                $"OpenCL backend: SimNeurons has no kernel for neuron type {type.Name} ({op.Tag}): {NeuronKernels.UnsupportedReason(type)}.");
        ((NeuronKernel)Level.Group(key, make)).Add(op, arena, dt);
        return true;
    }

    /// <inheritdoc />
    public bool Visit(SimProcess op)
    {
        _processes.TryFind(op.Process.GetType(), out _, out var kind);
        if (kind == ProcessKind.Filter)
        {
            var lf = (LinearFilter)op.Process;
            Level.Group<SimProcessKernel>().Add(op, lf.Discretize(dt), arena);
            return true;
        }
        return Host(new HostProcessFunction(op, dt));
    }

    /// <inheritdoc />
    public bool Visit(SimNodeFunc op) => Host(new SimNodeFuncKernel(op));

    private bool Host(HostFunction f)
    {
        HostFunctions.Add(f);
        if (f.Input is not null)
        {
            Level.AddRoundTrip(f);
            return true;
        }
        int column = arena.AddTableColumns(f.Output.Size), output = arena.OffsetOf(f.Output);
        table.Add(f, column);
        if (f.Inc)
        {
            var incs = Level.Group<ElementwiseIncKernel>();
            int one = arena.Constant(1.0);
            for (int i = 0; i < f.Output.Size; i++) incs.Add(output + i, one, SignalArena.TableSource(column + i));
        }
        else
        {
            var copies = Level.Group<CopyKernel>();
            for (int i = 0; i < f.Output.Size; i++) copies.Add(output + i, SignalArena.TableSource(column + i));
        }
        return true;
    }
}
