using System.Text;

namespace Nengo.Backends.SpiNNaker.Applications;

/// <summary>
/// The core programs of nengo_spinnaker and their placeholder images. The emulator never runs ARM code: it reads
/// the name embedded in our placeholder image to pick its C# core model (SPINNAKER.md §6.1). Real hardware needs
/// genuine APLX builds of the C sources, supplied through <c>SpiNNakerOptions.AplxDirectory</c>.
/// </summary>
public static class Aplx
{
    /// <summary>Ensemble executable.</summary>
    public const string Ensemble = "ensemble";
    /// <summary>Value source executable.</summary>
    public const string ValueSource = "value_source";
    /// <summary>Value sink executable.</summary>
    public const string ValueSink = "value_sink";
    /// <summary>SDP receiver executable (host Node values into the board).</summary>
    public const string SdpReceiver = "rx";
    /// <summary>SDP transmitter executable (decoded values to host Nodes).</summary>
    public const string SdpTransmitter = "tx";

    private const string Magic = "NENGO-APLX:";

    /// <summary>The placeholder image naming <paramref name="name"/>, padded to whole words.</summary>
    /// <param name="name">Executable name.</param>
    /// <returns>The image.</returns>
    public static byte[] Placeholder(string name)
    {
        var text = Encoding.ASCII.GetBytes(Magic + name + "\0");
        var b = new byte[(text.Length + 3) & ~3];
        text.CopyTo(b, 0);
        return b;
    }

    /// <summary>The executable a placeholder image names, or null when it is not one of ours.</summary>
    /// <param name="image">Image bytes.</param>
    /// <returns>The name or null.</returns>
    public static string? NameOf(ReadOnlySpan<byte> image)
    {
        var s = Encoding.ASCII.GetString(image[..Math.Min(image.Length, 64)]);
        if (!s.StartsWith(Magic, StringComparison.Ordinal)) return null;
        int end = s.IndexOf('\0');
        return end < 0 ? null : s[Magic.Length..end];
    }
}
