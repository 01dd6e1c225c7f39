namespace Nengo.Networks;

/// <summary>Small dense-matrix helpers for building transforms.</summary>
internal static class Matrices
{
    /// <summary>A rows×cols matrix with every element <paramref name="value"/>.</summary>
    public static double[,] Filled(int rows, int cols, double value)
    {
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = value;
        return m;
    }

    /// <summary>(I − 1)·scale: 0 on the diagonal and −scale off it (mutual inhibition).</summary>
    public static double[,] MutualInhibition(int n, double scale)
    {
        var m = Filled(n, n, -scale);
        for (int i = 0; i < n; i++) m[i, i] = 0;
        return m;
    }

    /// <summary>The transpose of <paramref name="m"/>.</summary>
    public static double[,] Transpose(double[,] m)
    {
        int r = m.GetLength(0), c = m.GetLength(1);
        var t = new double[c, r];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) t[j, i] = m[i, j];
        return t;
    }

    /// <summary>Checks a matrix is non-empty and finite.</summary>
    public static void CheckFinite(double[,] m, string owner, string parameter)
    {
        ArgumentNullException.ThrowIfNull(m, parameter);
        Check.That(m.GetLength(0) > 0 && m.GetLength(1) > 0, owner, parameter, "must have at least one row and one column", m);
        foreach (double v in m)
            Check.That(double.IsFinite(v), owner, parameter, "must contain only finite numbers", v);
    }
}
