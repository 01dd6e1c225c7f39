namespace Nengo.Backends.SpiNNaker.Mapping;

/// <summary>A chip coordinate.</summary>
/// <param name="X">x.</param>
/// <param name="Y">y.</param>
public readonly record struct Chip(int X, int Y)
{
    /// <summary>Link directions (dx, dy) 0 E, 1 NE, 2 N, 3 W, 4 SW, 5 S.</summary>
    public static readonly (int Dx, int Dy)[] Links = [(1, 0), (1, 1), (0, 1), (-1, 0), (-1, -1), (0, -1)];

    /// <summary>The neighbour through <paramref name="link"/>.</summary>
    /// <param name="link">0..5.</param>
    /// <returns>The neighbour's coordinate.</returns>
    public Chip Step(int link) => new(X + Links[link].Dx, Y + Links[link].Dy);

    /// <summary>Hexagonal mesh distance (no wrap-around): with z the (-1,-1) axis, max − min of the minimised vector.</summary>
    /// <param name="o">The other chip.</param>
    /// <returns>Hops.</returns>
    public int Distance(Chip o)
    {
        int dx = o.X - X, dy = o.Y - Y;
        return Math.Max(Math.Max(dx, dy), 0) - Math.Min(Math.Min(dx, dy), 0);
    }

    /// <inheritdoc />
    public override string ToString() => $"({X}, {Y})";
}
