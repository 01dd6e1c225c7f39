using System.Runtime.ExceptionServices;
using Nengo.Backends.OpenCL.Interop;
using Nengo.Backends.OpenCL.Planning;

namespace Nengo.Backends.OpenCL.Memory;

/// <summary>
/// Host functions of time alone (nodes without input, input-less processes such as noise), computed
/// ahead for a block of steps into the host-table rows of the signal buffer and written with one
/// transfer per block. Rows are filled in step order and, within a row, in the operators' step order,
/// so the functions are called in the same sequence as on the CPU.
/// </summary>
internal sealed unsafe class HostTable
{
    private readonly List<(HostFunction F, int Column)> _functions = [];
    private double[] _row = [];
    private byte[] _staging = [];
    private int _width, _elementSize;
    private OpenCLPrecision _precision;

    /// <summary>Whether no function is computed ahead.</summary>
    public bool IsEmpty => _functions.Count == 0;

    /// <summary>Adds a function whose output occupies the table columns from <paramref name="column"/>.</summary>
    /// <param name="function">The function (no input).</param>
    /// <param name="column">Its first column.</param>
    public void Add(HostFunction function, int column) => _functions.Add((function, column));

    /// <summary>Allocates the pinned host staging for <paramref name="rows"/> rows.</summary>
    /// <param name="rows">Rows per block.</param>
    /// <param name="width">Columns.</param>
    /// <param name="precision">The device precision.</param>
    public void Allocate(int rows, int width, OpenCLPrecision precision)
    {
        _width = width;
        _precision = precision;
        _elementSize = Reals.Size(precision);
        _row = new double[width];
        _staging = GC.AllocateArray<byte>(Math.Max(1, rows * width * _elementSize), pinned: true);
    }

    /// <summary>
    /// Computes rows 0 .. <paramref name="rows"/> − 1 for steps <paramref name="firstStep"/>, … and stops at
    /// the first function that throws: the block then runs only the rows before it, and the failure is
    /// raised after them, as the CPU raises it at that step.
    /// </summary>
    /// <param name="rows">Rows wanted.</param>
    /// <param name="firstStep">The step of row 0.</param>
    /// <param name="dt">The time step.</param>
    /// <param name="failure">The exception that stopped the fill, or null.</param>
    /// <returns>The rows filled.</returns>
    public int Fill(int rows, long firstStep, double dt, out ExceptionDispatchInfo? failure)
    {
        failure = null;
        int rowBytes = _width * _elementSize;
        for (int r = 0; r < rows; r++)
        {
            double t = (firstStep + r) * dt;
            foreach (var (f, column) in _functions)
            {
                try
                {
                    f.Call(t, [], _row.AsSpan(column, f.Output.Size));
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                    return r;
                }
            }
            Reals.ToDevice(_row, _staging.AsSpan(r * rowBytes, rowBytes), _precision);
        }
        return rows;
    }

    /// <summary>Enqueues the write of the first <paramref name="rows"/> rows (the staging stays untouched until the block has finished).</summary>
    /// <param name="cl">The context.</param>
    /// <param name="signals">The signal buffer.</param>
    /// <param name="tableBase">The element index of the table.</param>
    /// <param name="rows">Rows to write.</param>
    /// <exception cref="OpenCLException">When the write fails.</exception>
    public void Upload(ClContext cl, ClBuffer signals, int tableBase, int rows)
    {
        fixed (byte* p = _staging)
            cl.Write(signals, (long)tableBase * _elementSize, p, (long)rows * _width * _elementSize, blocking: false);
    }
}
