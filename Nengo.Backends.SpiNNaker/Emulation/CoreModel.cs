using System.Buffers.Binary;

namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// A C# model of one nengo_spinnaker core program, reading its parameters from the SDRAM block the host wrote
/// (found by (app_id, tag = core)) and running fixed-point ticks in three phases per tick: (0) drain packets
/// and filter, (1) neurons, (2) decode and transmit / record. Phases are barriers across all cores, which is what
/// the shared-SDRAM semaphores of a multi-core cluster achieve on the chip.
/// </summary>
internal abstract class CoreModel
{
    private readonly Queue<(uint Key, int Payload)> _queue = new();

    protected CoreModel(EmulatedChip chip, int core, uint block)
    {
        Chip = chip; Core = core; Block = block;
    }

    public const int QueueCapacity = 1024;

    protected EmulatedChip Chip { get; }
    protected int Core { get; }
    protected uint Block { get; }
    public int Ticks { get; private set; }
    public bool Overflowed { get; private set; }

    /// <summary>Called when SYNC0 is released: <paramref name="ticks"/> comes from vcpu.user1.</summary>
    public virtual void BeginRun(int ticks) { Ticks = ticks; }

    /// <summary>Whether the core stops at tick <paramref name="t"/> (ensembles: t &gt; n).</summary>
    public virtual bool Stops(int t) => t > Ticks;

    /// <summary>Phases 0–2 run before the tick's packets are routed, phase 3 (<c>SdpTransmitterCore.LatePhase</c>) after.</summary>
    public abstract void Tick(int t, int phase, Action<uint, int> emit);

    /// <summary>An SDP message SC&amp;MP hands to this core on <paramref name="port"/>; false when the program has no SDP handler.</summary>
    public virtual bool ReceiveSdp(byte port, ReadOnlySpan<byte> payload) => false;

    public void Deliver(uint key, int payload)
    {
        if (_queue.Count >= QueueCapacity) { Overflowed = true; return; }
        _queue.Enqueue((key, payload));
    }

    protected IEnumerable<(uint Key, int Payload)> Drain() { while (_queue.TryDequeue(out var p)) yield return p; }

    protected uint Region(int index) => Block + Chip.Memory.ReadU32(Block + (uint)(4 * index));

    protected int[] Words(int index, int offset, int count)
    {
        var b = Chip.Memory.Read(Region(index) + (uint)(4 * offset), 4 * count);
        var w = new int[count];
        for (int i = 0; i < count; i++) w[i] = BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(4 * i));
        return w;
    }

    protected int[] FilterRegion(int index)
    {
        var w = new List<int> { Word(index, 0) };
        for (int i = 0; i < w[0]; i++)
        {
            int words = Word(index, w.Count);
            w.AddRange(Words(index, w.Count, 4 + words));
        }
        return [.. w];
    }

    protected int[] RoutingRegion(int index) => Words(index, 0, 1 + 4 * Word(index, 0));

    protected int Word(int index, int offset) => (int)Chip.Memory.ReadU32(Region(index) + (uint)(4 * offset));
}
