using Nengo.Backends.SpiNNaker.Protocol;

namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// Loads vertices onto cores and runs periods, following the nengo_spinnaker sequence of SPINNAKER.md §4.12/§6.4:
/// ALLOC SDRAM (tag = core) and WRITE each region image; WRITE the image and AS with the wait flag per chip;
/// COUNT(WAIT) then SIG start; per period WRITE vcpu.user1, COUNT(SYNC0), SIG sync0, COUNT(SYNC1), SIG sync1,
/// COUNT(SYNC0) again; SIG stop frees everything.
/// </summary>
/// <param name="machine">The board.</param>
/// <param name="appId">The application id (one per simulator).</param>
/// <param name="timeout">Longest wait for any barrier.</param>
public sealed class ApplicationLoader(MachineController machine, byte appId, TimeSpan timeout)
{
    private readonly List<(byte X, byte Y, int Core, string Program)> _cores = [];

    /// <summary>Cores loaded so far.</summary>
    public int CoreCount => _cores.Count;

    /// <summary>Allocates and writes one vertex's SDRAM block.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="core">Virtual core (1..17).</param>
    /// <param name="program">Executable name (<see cref="Aplx"/>).</param>
    /// <param name="image">The region image.</param>
    /// <returns>The block's SDRAM address.</returns>
    public uint AddVertex(byte x, byte y, int core, string program, RegionImage image)
    {
        var bytes = image.ToBytes();
        uint a = machine.SdramAlloc(x, y, appId, bytes.Length, (byte)core);
        machine.Write(x, y, a, bytes);
        _cores.Add((x, y, core, program));
        return a;
    }

    /// <summary>Loads every program (one AS per chip and program), waits for WAIT on all cores, then sends start and waits for SYNC0.</summary>
    /// <param name="images">Executable name → image (placeholders on the emulator, real APLX on hardware).</param>
    public void Start(Func<string, byte[]> images)
    {
        foreach (var g in _cores.GroupBy(c => (c.X, c.Y, c.Program)))
            machine.LoadApplication(g.Key.X, g.Key.Y, appId, images(g.Key.Program), g.Select(c => c.Core));
        machine.WaitForState(appId, CoreState.Wait, _cores.Count, timeout);
        machine.Signal(appId, SignalKind.Start);
        machine.WaitForState(appId, CoreState.Sync0, _cores.Count, timeout);
    }

    /// <summary>Runs <paramref name="steps"/> ticks on every core and waits until all are back at SYNC0.</summary>
    /// <param name="steps">Ticks.</param>
    public void RunPeriod(int steps)
    {
        BeginPeriod(steps);
        Release();
        EndPeriod();
    }

    /// <summary>Writes vcpu.user1 = <paramref name="steps"/> on every core, waits for SYNC0, sends sync0 and waits for SYNC1.</summary>
    /// <param name="steps">Ticks of the period.</param>
    public void BeginPeriod(int steps)
    {
        foreach (var (x, y, core, _) in _cores) machine.WriteUser1(x, y, core, (uint)steps);
        machine.WaitForState(appId, CoreState.Sync0, _cores.Count, timeout);
        machine.Signal(appId, SignalKind.Sync0);
        machine.WaitForState(appId, CoreState.Sync1, _cores.Count, timeout);
    }

    /// <summary>Sends sync1: the cores start ticking.</summary>
    public void Release() => machine.Signal(appId, SignalKind.Sync1);

    /// <summary>Waits until every core has finished its ticks and is back in SYNC0.</summary>
    public void EndPeriod() => machine.WaitForState(appId, CoreState.Sync0, _cores.Count, timeout);

    /// <summary>Reads <paramref name="words"/> S16.15 words of region <paramref name="region"/> of a vertex.</summary>
    /// <param name="x">Chip x.</param>
    /// <param name="y">Chip y.</param>
    /// <param name="block">The vertex's block address.</param>
    /// <param name="region">Region index.</param>
    /// <param name="words">Words to read.</param>
    /// <returns>The raw words.</returns>
    public int[] ReadRegion(byte x, byte y, uint block, int region, int words)
    {
        uint off = BitConverter.ToUInt32(machine.Read(x, y, block + (uint)(4 * region), 4));
        var b = machine.Read(x, y, block + off, 4 * words);
        var w = new int[words];
        for (int i = 0; i < words; i++) w[i] = BitConverter.ToInt32(b, 4 * i);
        return w;
    }

    /// <summary>Sends the stop signal (frees SDRAM and router entries of the app, cores idle).</summary>
    public void Stop() => machine.Signal(appId, SignalKind.Stop);
}
