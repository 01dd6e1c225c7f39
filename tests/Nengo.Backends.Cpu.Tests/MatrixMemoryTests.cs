using Nengo.Backends.Cpu.Memory;
using NUnit.Framework;

namespace Nengo.Backends.Cpu.Tests;

/// <summary>The kernels' constant-matrix memory: zeroed, cache-line aligned, disjoint allocations.</summary>
[TestFixture]
public unsafe class MatrixMemoryTests
{
    [Test]
    public void Allocations_AreZeroedAlignedAndDisjoint()
    {
        using var memory = new MatrixMemory();
        // Sizes around the 64-byte rounding, and a large one.
        long[] counts = [1, 7, 8, 9, 1000, 5_000_000, 3];
        var blocks = counts.Select(c => (Pointer: (nint)memory.Allocate<double>(c), Count: c)).ToList();
        foreach (var (p, c) in blocks)
        {
            Assert.That((long)p % MatrixMemory.Alignment, Is.EqualTo(0L), "aligned to a cache line");
            var span = new Span<double>((void*)p, checked((int)c));
            Assert.That(span.ContainsAnyExcept(0.0), Is.False, "zeroed");
            span.Fill(c);
        }
        foreach (var (p, c) in blocks)
            Assert.That(new Span<double>((void*)p, checked((int)c)).ContainsAnyExcept((double)c), Is.False, $"the {c} values written are intact (no overlap)");
    }

    [Test]
    public void Allocate_AfterDispose_Throws()
    {
        var memory = new MatrixMemory();
        memory.Dispose();
        Assert.Throws<ObjectDisposedException>(() => memory.Allocate<float>(4));
    }
}
