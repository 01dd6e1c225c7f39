using Nengo.Backends.OpenCL.Planning;
using Nengo.Graph.Operators;

namespace Nengo.Backends.OpenCL.Kernels;

/// <summary>
/// A node's function on the host: output = f(t, x). With no input it is computed ahead for a block of
/// steps and written to the device in one transfer; with input each step reads x, calls f and writes
/// the output (a round trip that drains the queue). The function itself checks its output and names
/// the node in its errors.
/// </summary>
internal sealed class SimNodeFuncKernel(SimNodeFunc op) : HostFunction(op, op.Output, op.Input, op.Time is not null, inc: false)
{
    /// <inheritdoc />
    protected override void Evaluate(double t, ReadOnlySpan<double> x, Span<double> y) => op.Callback(t, x, y);
}
