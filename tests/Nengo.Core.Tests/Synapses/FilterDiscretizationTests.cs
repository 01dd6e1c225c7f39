using NUnit.Framework;

namespace Nengo.Core.Tests;

[TestFixture]
public class FilterDiscretizationTests
{
    private const double Dt = 0.001;

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    [Test]
    public void Lowpass_Coefficients_MatchZeroOrderHold()
    {
        var sys = new Lowpass(0.005).Discretize(Dt);
        double a = Math.Exp(-0.2);
        Assert.That(sys.Order, Is.EqualTo(1));
        Assert.That(sys.A[0, 0], Is.EqualTo(0.81873075).Within(1e-8));
        Assert.That(sys.A[0, 0], Is.EqualTo(a).Within(1e-15));
        Assert.That(sys.B[0], Is.EqualTo(0.005 * (1 - a)).Within(1e-15));
        Assert.That(sys.C[0], Is.EqualTo(200.0).Within(1e-12));
        Assert.That(sys.D, Is.EqualTo(0.0));
        Assert.That(sys.IsStrictlyProper, Is.True);
    }

    [Test]
    public void Lowpass_StepResponse_MatchesReference()
    {
        var y = FilterDiscretization.Filt(new Lowpass(0.005).Discretize(Dt), Ones(5));
        Assert.That(y[0], Is.EqualTo(0.18126925).Within(1e-7));
        Assert.That(y[1], Is.EqualTo(0.32967995).Within(1e-7));
        Assert.That(y[2], Is.EqualTo(0.45118836).Within(1e-7));
        // y[k] = a·y[k−1] + (1 − a)·u[k] exactly.
        double a = Math.Exp(-0.2), prev = 0;
        for (int k = 0; k < y.Length; k++)
        {
            prev = a * prev + (1 - a);
            Assert.That(y[k], Is.EqualTo(prev).Within(1e-13), $"k={k}");
        }
    }

    [Test]
    public void Lowpass_ImpulseResponse_ReachesOutputInSameCall()
    {
        var u = new double[4];
        u[0] = 1;
        var y = FilterDiscretization.Filt(new Lowpass(0.005).Discretize(Dt), u);
        double a = Math.Exp(-0.2);
        Assert.That(y, Is.EqualTo(new[] { 1 - a, (1 - a) * a, (1 - a) * a * a, (1 - a) * a * a * a }).Within(1e-13));
    }

    [Test]
    public void Alpha_Coefficients_MatchReference()
    {
        var sys = new Alpha(0.005).Discretize(Dt);
        Assert.That(sys.Order, Is.EqualTo(2));
        Assert.That(sys.A[0, 0], Is.EqualTo(0.65498460).Within(1e-8));
        Assert.That(sys.A[0, 1], Is.EqualTo(-32.7492301).Within(1e-6));
        Assert.That(sys.A[1, 0], Is.EqualTo(8.1873075e-4).Within(1e-11));
        Assert.That(sys.A[1, 1], Is.EqualTo(0.98247690).Within(1e-8));
        Assert.That(sys.B[0], Is.EqualTo(8.1873075e-4).Within(1e-11));
        Assert.That(sys.B[1], Is.EqualTo(4.38077e-7).Within(1e-12));
        Assert.That(sys.C[0], Is.EqualTo(0.0).Within(1e-9));
        Assert.That(sys.C[1], Is.EqualTo(40000.0).Within(1e-6));
        Assert.That(sys.D, Is.EqualTo(0.0));
    }

    [Test]
    public void Alpha_Coefficients_MatchClosedForm()
    {
        // For a double pole at p = −1/τ: e^{Jt} with J the companion matrix has a closed form.
        double tau = 0.005, p = -1 / tau, e = Math.Exp(p * Dt);
        var sys = new Alpha(tau).Discretize(Dt);
        // Companion A = [[2p, −p²],[1, 0]]; e^{At} = e^{pt}·(I + (A − pI)·t).
        Assert.That(sys.A[0, 0], Is.EqualTo(e * (1 + p * Dt)).Within(1e-14));
        Assert.That(sys.A[0, 1], Is.EqualTo(e * (-p * p * Dt)).Within(1e-11));
        Assert.That(sys.A[1, 0], Is.EqualTo(e * Dt).Within(1e-16));
        Assert.That(sys.A[1, 1], Is.EqualTo(e * (1 - p * Dt)).Within(1e-14));
    }

    [Test]
    public void Alpha_StepResponse_MatchesReference()
    {
        var y = FilterDiscretization.Filt(new Alpha(0.005).Discretize(Dt), Ones(3));
        Assert.That(y[0], Is.EqualTo(0.0175231).Within(1e-7));
        Assert.That(y[1], Is.EqualTo(0.0615519).Within(1e-7));
        Assert.That(y[2], Is.EqualTo(0.1219014).Within(1e-7));
    }

    [Test]
    public void Alpha_StepResponse_MatchesContinuousStepResponseOneStepAhead()
    {
        // With "update, then output", y[k] is the continuous step response at t = (k+1)·dt:
        // s(t) = 1 − (1 + t/τ)·e^{−t/τ}.
        double tau = 0.005;
        var y = FilterDiscretization.Filt(new Alpha(tau).Discretize(Dt), Ones(50));
        for (int k = 0; k < y.Length; k++)
        {
            double t = (k + 1) * Dt;
            Assert.That(y[k], Is.EqualTo(1 - (1 + t / tau) * Math.Exp(-t / tau)).Within(1e-12), $"k={k}");
        }
    }

    [Test]
    public void LowpassZero_IsPureGain()
    {
        var sys = new Lowpass(0).Discretize(Dt);
        Assert.That(sys.Order, Is.EqualTo(0));
        Assert.That(sys.D, Is.EqualTo(1.0));
        Assert.That(sys.A.Length, Is.EqualTo(0));
        Assert.That(sys.C, Is.Empty);
        var u = new[] { 0.5, -2.0, 3.25, 0.0 };
        Assert.That(FilterDiscretization.Filt(sys, u), Is.EqualTo(u));
        Assert.That(new Alpha(0).Discretize(Dt).Order, Is.EqualTo(0));
    }

    [Test]
    public void LeadingZeros_AreStripped()
    {
        var a = FilterDiscretization.Discretize([0, 0, 2], [0, 4, 1], true, Dt);
        var b = FilterDiscretization.Discretize([2], [4, 1], true, Dt);
        Assert.That(a.Order, Is.EqualTo(1));
        Assert.That(a.A[0, 0], Is.EqualTo(b.A[0, 0]));
        Assert.That(a.B, Is.EqualTo(b.B));
        Assert.That(a.C, Is.EqualTo(b.C));
        Assert.That(a.D, Is.EqualTo(b.D));
    }

    [Test]
    public void NotAnalog_UsesCanonicalFormDirectly()
    {
        // H(z) = (0.5 z + 0.25) / (2 z² − z + 0.5) → normalised den [1, −0.5, 0.25], num [0, 0.25, 0.125].
        var sys = FilterDiscretization.Discretize([0.5, 0.25], [2, -1, 0.5], false, Dt);
        Assert.That(sys.Order, Is.EqualTo(2));
        Assert.That(sys.A[0, 0], Is.EqualTo(0.5));
        Assert.That(sys.A[0, 1], Is.EqualTo(-0.25));
        Assert.That(sys.A[1, 0], Is.EqualTo(1.0));
        Assert.That(sys.A[1, 1], Is.EqualTo(0.0));
        Assert.That(sys.B, Is.EqualTo(new[] { 1.0, 0.0 }));
        Assert.That(sys.C, Is.EqualTo(new[] { 0.25, 0.125 }));
        Assert.That(sys.D, Is.EqualTo(0.0));
        // dt plays no part in a discrete filter.
        var other = FilterDiscretization.Discretize([0.5, 0.25], [2, -1, 0.5], false, 0.1);
        Assert.That(other.A, Is.EqualTo(sys.A));
    }

    [Test]
    public void NotAnalog_FirstOrder_IsTheDifferenceEquation()
    {
        // H(z) = 0.2 / (z − 0.8): with update-then-output, y[k] = 0.8·y[k−1] + 0.2·u[k].
        var sys = FilterDiscretization.Discretize([0.2], [1, -0.8], false, Dt);
        var u = new[] { 1.0, 0.0, 2.0, -1.0, 0.5 };
        var y = FilterDiscretization.Filt(sys, u);
        double prev = 0;
        for (int k = 0; k < u.Length; k++)
        {
            prev = 0.8 * prev + 0.2 * u[k];
            Assert.That(y[k], Is.EqualTo(prev).Within(1e-15));
        }
    }

    [Test]
    public void CanonicalForm_WithFeedThrough_FollowsTf2ssConvention()
    {
        // (2z² + 3z + 4)/(2z² + 2z + 1): den → [1, 1, 0.5], num → [1, 1.5, 2]; D = 1; C = [0.5, 1.5].
        var sys = FilterDiscretization.Discretize([2, 3, 4], [2, 2, 1], false, Dt);
        Assert.That(sys.D, Is.EqualTo(1.0));
        Assert.That(sys.C, Is.EqualTo(new[] { 0.5, 1.5 }));
        Assert.That(sys.A[0, 0], Is.EqualTo(-1.0));
        Assert.That(sys.A[0, 1], Is.EqualTo(-0.5));
        Assert.That(sys.IsStrictlyProper, Is.False);
    }

    [Test]
    public void FeedThrough_OutputsBeforeUpdating()
    {
        // H(z) = (z + 0.5)/(z − 0.25) = 1 + 0.75/(z − 0.25): y[k] = u[k] + 0.75·Σ_{j<k} 0.25^{k−1−j}·u[j].
        var sys = FilterDiscretization.Discretize([1, 0.5], [1, -0.25], false, Dt);
        var u = new[] { 1.0, 0.0, 0.0, 2.0 };
        var y = FilterDiscretization.Filt(sys, u);
        Assert.That(y, Is.EqualTo(new[] { 1.0, 0.75, 0.1875, 2.0 + 0.75 * 0.0625 }).Within(1e-15));
    }

    [Test]
    public void ThirdOrder_DcGain_IsNumOverDenAtZero()
    {
        // Poles of s³ + 6s² + 11s + 6 are −1, −2, −3.
        double[] den = [1, 6, 11, 6];
        foreach (double[] num in new[] { new double[] { 2, 3, 12 }, new double[] { 0.5, 2, 3, 12 } })
        {
            var sys = FilterDiscretization.Discretize(num, den, true, 0.01);
            Assert.That(sys.Order, Is.EqualTo(3));
            var y = FilterDiscretization.Filt(sys, Ones(4000));
            Assert.That(y[^1], Is.EqualTo(2.0).Within(1e-9), $"num=[{string.Join(", ", num)}]");
        }
    }

    [Test]
    public void ThirdOrder_DcGain_AnalyticFromDiscreteMatrices()
    {
        // C·(I − Ad)⁻¹·Bd + D must equal num(0)/den(0) for a ZOH discretisation.
        var sys = FilterDiscretization.Discretize([1, 0, 5], [0.5, 3, 4, 10], true, Dt);
        int n = sys.Order;
        var m = new double[n, n + 1];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) m[i, j] = (i == j ? 1 : 0) - sys.A[i, j];
            m[i, n] = sys.B[i];
        }
        // Gaussian elimination (well conditioned here).
        for (int c = 0; c < n; c++)
        {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[p, c])) p = r;
            for (int j = 0; j <= n; j++) (m[c, j], m[p, j]) = (m[p, j], m[c, j]);
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                double f = m[r, c] / m[c, c];
                for (int j = 0; j <= n; j++) m[r, j] -= f * m[c, j];
            }
        }
        double gain = sys.D;
        for (int i = 0; i < n; i++) gain += sys.C[i] * m[i, n] / m[i, i];
        Assert.That(gain, Is.EqualTo(0.5).Within(1e-9));
    }

    [Test]
    public void Step_ValidatesStateLength()
    {
        var sys = new Alpha(0.005).Discretize(Dt);
        Assert.That(() => sys.Step(new double[1], 1.0), Throws.ArgumentException);
    }

    [Test]
    public void Validation_Errors()
    {
        Assert.That(() => FilterDiscretization.Discretize([1], [0.005, 1], true, 0), Throws.TypeOf<ValidationError>()
            .With.Message.Contains("dt"));
        Assert.That(() => FilterDiscretization.Discretize([1], [0.005, 1], true, -1e-3), Throws.TypeOf<ValidationError>());
        Assert.That(() => FilterDiscretization.Discretize([1], [0.005, 1], true, double.NaN), Throws.TypeOf<ValidationError>());
        Assert.That(() => FilterDiscretization.Discretize([1], [0.005, 1], false, 0), Throws.TypeOf<ValidationError>());
        Assert.That(() => FilterDiscretization.Discretize([1, 2, 3], [1, 1], true, Dt), Throws.TypeOf<ValidationError>()
            .With.Message.Contains("proper"));
        Assert.That(() => FilterDiscretization.Discretize([1], [0, 0], true, Dt), Throws.TypeOf<ValidationError>());
        Assert.That(() => FilterDiscretization.Discretize([1], [double.NaN, 1], true, Dt), Throws.TypeOf<ValidationError>());
        Assert.That(() => FilterDiscretization.Discretize([1], [1, -1e6], true, 1.0), Throws.TypeOf<ValidationError>()
            .With.Message.Contains("non-finite"));
        Assert.That(() => FilterDiscretization.Discretize(null!, [1], true, Dt), Throws.ArgumentNullException);
    }

    [Test]
    public void ZeroNumerator_GivesZeroOutput()
    {
        var sys = FilterDiscretization.Discretize([0, 0], [1, 1], true, Dt);
        Assert.That(FilterDiscretization.Filt(sys, Ones(5)), Is.All.EqualTo(0.0));
    }

    // --- matrix exponential ---

    [Test]
    public void Expm_Diagonal()
    {
        var e = MatrixExponential.Expm(new double[,] { { 1, 0, 0 }, { 0, -2, 0 }, { 0, 0, 30 } });
        Assert.That(e[0, 0], Is.EqualTo(Math.E).Within(1e-15 * Math.E));
        Assert.That(e[1, 1], Is.EqualTo(Math.Exp(-2)).Within(1e-15));
        Assert.That(e[2, 2], Is.EqualTo(Math.Exp(30)).Within(1e-13 * Math.Exp(30)));
        Assert.That(e[0, 1], Is.EqualTo(0.0));
        Assert.That(e[2, 0], Is.EqualTo(0.0));
    }

    [Test]
    public void Expm_Nilpotent()
    {
        // N³ = 0: e^N = I + N + N²/2.
        var e = MatrixExponential.Expm(new double[,] { { 0, 2, 3 }, { 0, 0, 4 }, { 0, 0, 0 } });
        var expected = new double[,] { { 1, 2, 3 + 4 }, { 0, 1, 4 }, { 0, 0, 1 } };
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                Assert.That(e[i, j], Is.EqualTo(expected[i, j]).Within(1e-14), $"[{i},{j}]");
    }

    [Test]
    public void Expm_Rotation([Values(0.3, 2.0, 50.0)] double theta)
    {
        var e = MatrixExponential.Expm(new double[,] { { 0, -theta }, { theta, 0 } });
        double tol = 1e-14 * Math.Max(1, theta);
        Assert.That(e[0, 0], Is.EqualTo(Math.Cos(theta)).Within(tol));
        Assert.That(e[0, 1], Is.EqualTo(-Math.Sin(theta)).Within(tol));
        Assert.That(e[1, 0], Is.EqualTo(Math.Sin(theta)).Within(tol));
        Assert.That(e[1, 1], Is.EqualTo(Math.Cos(theta)).Within(tol));
    }

    [Test]
    public void Expm_JordanBlock_LargeNorm()
    {
        // [[λ, 1],[0, λ]] → e^λ·[[1, 1],[0, 1]], with a norm that forces scaling and squaring.
        double lambda = -40;
        var e = MatrixExponential.Expm(new double[,] { { lambda, 1 }, { 0, lambda } });
        double el = Math.Exp(lambda);
        Assert.That(e[0, 0], Is.EqualTo(el).Within(1e-13 * el));
        Assert.That(e[0, 1], Is.EqualTo(el).Within(1e-13 * el));
        Assert.That(e[1, 0], Is.EqualTo(0.0));
        Assert.That(e[1, 1], Is.EqualTo(el).Within(1e-13 * el));
    }

    [Test]
    public void Expm_EmptyAndInvalid()
    {
        Assert.That(MatrixExponential.Expm(new double[0, 0]).Length, Is.EqualTo(0));
        Assert.That(() => MatrixExponential.Expm(new double[2, 3]), Throws.ArgumentException);
        Assert.That(() => MatrixExponential.Expm(new double[,] { { double.NaN } }), Throws.ArgumentException);
        Assert.That(() => MatrixExponential.Expm(null!), Throws.ArgumentNullException);
    }
}
