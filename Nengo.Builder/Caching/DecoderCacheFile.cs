using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MathNet.Numerics.LinearAlgebra;
using Nengo.Builder.Numerics;

namespace Nengo.Builder.Caching;

/// <summary>
/// The file format of one <see cref="DecoderCache"/> entry: magic "NGDC", format version, the 32-byte key,
/// rows, columns, the solution X (column-major) and the RMSEs as little-endian doubles, then a SHA-256 of
/// all of that.
/// </summary>
internal static class DecoderCacheFile
{
    /// <summary>The file name extension of entries.</summary>
    public const string Extension = ".ngdc";

    private const uint Magic = 0x4344474E; // "NGDC"
    private const int Version = 1;
    private const int HeaderBytes = 4 + 4 + 32 + 4 + 4;

    /// <summary>How a read went.</summary>
    public enum ReadStatus
    {
        /// <summary>A valid entry for the key.</summary>
        Ok,

        /// <summary>No entry.</summary>
        Missing,

        /// <summary>A file that is truncated, corrupt, or for another key or shape.</summary>
        Corrupt,
    }

    /// <summary>Writes an entry to <paramref name="path"/>.</summary>
    public static void Write(string path, byte[] key, SolverResult result)
    {
        var x = result.X.AsColumnMajorArray() ?? result.X.ToColumnMajorArray();
        var bytes = new byte[HeaderBytes + 8 * (x.Length + result.Rmses.Length) + 32];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        key.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], result.X.RowCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[44..], result.X.ColumnCount);
        int o = HeaderBytes;
        foreach (double v in x) { BinaryPrimitives.WriteDoubleLittleEndian(span[o..], v); o += 8; }
        foreach (double v in result.Rmses) { BinaryPrimitives.WriteDoubleLittleEndian(span[o..], v); o += 8; }
        SHA256.HashData(span[..o], span[o..]);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Reads the entry for <paramref name="key"/> with an X of <paramref name="rows"/> × <paramref name="cols"/>.</summary>
    public static ReadStatus TryRead(string path, byte[] key, int rows, int cols, out SolverResult? result)
    {
        result = null;
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return ReadStatus.Missing; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ReadStatus.Missing; }
        long expected = HeaderBytes + 8L * ((long)rows * cols + cols) + 32;
        var span = bytes.AsSpan();
        if (bytes.Length != expected
            || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(span[4..]) != Version
            || !span.Slice(8, 32).SequenceEqual(key)
            || BinaryPrimitives.ReadInt32LittleEndian(span[40..]) != rows
            || BinaryPrimitives.ReadInt32LittleEndian(span[44..]) != cols)
            return ReadStatus.Corrupt;
        int payload = bytes.Length - 32;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(span[..payload], hash);
        if (!hash.SequenceEqual(span[payload..])) return ReadStatus.Corrupt;
        var values = MemoryMarshal.Cast<byte, double>(span[HeaderBytes..payload]);
        if (!BitConverter.IsLittleEndian) return ReadStatus.Corrupt; // the format is little-endian; keep it simple
        var x = values[..(rows * cols)].ToArray();
        var rmses = values[(rows * cols)..].ToArray();
        result = new SolverResult(Matrix<double>.Build.Dense(rows, cols, x), rmses);
        return ReadStatus.Ok;
    }
}
