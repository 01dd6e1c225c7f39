namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>The machine as mapping sees it: a width × height mesh without wrap-around, per chip the application
/// cores free and the router entries free (from INFO), and SDRAM per chip.</summary>
/// <param name="Width">Chips in x.</param>
/// <param name="Height">Chips in y.</param>
/// <param name="Chips">Live chips.</param>
/// <param name="CoresPerChip">Application cores per chip (core 0 is the monitor, so 17 on a healthy chip).</param>
/// <param name="RouterEntries">Free router entries per chip (the minimisation target, 1023 normally).</param>
/// <param name="SdramPerChip">Free SDRAM bytes per chip.</param>
public sealed record MachineModel(int Width, int Height, IReadOnlySet<Chip> Chips, int CoresPerChip, int RouterEntries, long SdramPerChip)
{
    /// <summary>A full rectangular machine.</summary>
    /// <param name="width">Chips in x.</param>
    /// <param name="height">Chips in y.</param>
    /// <param name="coresPerChip">Application cores per chip.</param>
    /// <param name="routerEntries">Free router entries per chip.</param>
    /// <returns>The model.</returns>
    public static MachineModel Rectangle(int width, int height, int coresPerChip = 16, int routerEntries = 1023) =>
        new(width, height, Enumerable.Range(0, width).SelectMany(x => Enumerable.Range(0, height).Select(y => new Chip(x, y))).ToHashSet(),
            coresPerChip, routerEntries, 120L << 20);

    /// <summary>Whether the chip exists and is alive.</summary>
    /// <param name="c">The chip.</param>
    /// <returns>True if it can be used.</returns>
    public bool Has(Chip c) => Chips.Contains(c);
}
