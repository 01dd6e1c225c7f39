namespace Nengo.Backends.SpiNNaker.Emulation;

/// <summary>
/// A filter collection and its filter routes parsed from a filter region and a routing region (SPINNAKER.md §4.5):
/// packets are added to (or, latching, replace) every matching filter's input at d = (key AND dim_mask) - offset;
/// each tick low-pass y = (a y + b x) &gt;&gt; 15 over a 64-bit sum, none y = x; inputs of non-latching filters clear.
/// </summary>
internal sealed class InputFilters
{
    private readonly (int Kind, int Width, bool Latching, int A, int B)[] _filters;
    private readonly int[][] _input, _output;
    private readonly (uint Key, uint Mask, uint DimMask, int Filter)[] _routes;

    public InputFilters(int[] filterWords, int[] routeWords)
    {
        int n = filterWords[0], p = 1;
        _filters = new (int, int, bool, int, int)[n];
        for (int i = 0; i < n; i++)
        {
            int words = filterWords[p], kind = filterWords[p + 1], width = filterWords[p + 2];
            bool latch = (filterWords[p + 3] & 1) != 0;
            int a = kind == 1 ? filterWords[p + 4] : 0, b = kind == 1 ? filterWords[p + 5] : 0;
            if (kind > 1) throw new NotSupportedException($"filter kind {kind}");
            _filters[i] = (kind, width, latch, a, b);
            p += 4 + words;
        }
        _input = _filters.Select(f => new int[f.Width]).ToArray();
        _output = _filters.Select(f => new int[f.Width]).ToArray();
        int r = routeWords[0];
        _routes = new (uint, uint, uint, int)[r];
        for (int i = 0; i < r; i++)
            _routes[i] = ((uint)routeWords[1 + 4 * i], (uint)routeWords[2 + 4 * i], (uint)routeWords[3 + 4 * i], routeWords[4 + 4 * i]);
    }

    public void Receive(uint key, int payload, int offset)
    {
        foreach (var (k, m, dm, f) in _routes)
        {
            if ((key & m) != k) continue;
            int d = (int)(key & dm) - offset;
            if (d < 0 || d >= _filters[f].Width) continue;
            if (_filters[f].Latching) _input[f][d] = payload; else _input[f][d] = unchecked(_input[f][d] + payload);
        }
    }

    /// <summary>Number of filters.</summary>
    public int Count => _filters.Length;

    /// <summary>The width of filter <paramref name="f"/>.</summary>
    public int Width(int f) => _filters[f].Width;

    /// <summary>The output of filter <paramref name="f"/> after the last <see cref="Step"/>.</summary>
    public ReadOnlySpan<int> Output(int f) => _output[f];

    /// <summary>Steps every filter and sums the outputs into <paramref name="into"/> (cleared first; may be empty).</summary>
    public void Step(int[] into)
    {
        Array.Clear(into);
        for (int f = 0; f < _filters.Length; f++)
        {
            var (kind, width, latch, a, b) = _filters[f];
            for (int d = 0; d < width; d++)
            {
                _output[f][d] = kind == 1 ? unchecked((int)(((long)a * _output[f][d] + (long)b * _input[f][d]) >> 15)) : _input[f][d];
                if (d < into.Length) into[d] = unchecked(into[d] + _output[f][d]);
                if (!latch) _input[f][d] = 0;
            }
        }
    }
}
