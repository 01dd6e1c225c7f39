using MathNet.Numerics.LinearAlgebra;
using Nengo.Graph;

namespace Nengo.Builder.Builders;

/// <summary>The weights a decoded connection applies to its pre neurons, and how they were found.</summary>
/// <param name="Weights">T·D (size_out × n_pre), or E_post·T·D (n_post × n_pre) for <c>weights: true</c>.</param>
/// <param name="EvalPoints">The eval points the decoders were solved on.</param>
/// <param name="Info">The solver's report.</param>
/// <param name="ToNeurons">True when the weights write straight into the post neurons (<c>weights: true</c>).</param>
public sealed record DecoderSolution(Matrix<double> Weights, Matrix<double> EvalPoints, SolverInfo Info, bool ToNeurons);

/// <summary>
/// Solves the decoders of decoded connections (NEF.md §9.4 step 1). <see cref="Presolve"/> solves the
/// connections of one network together: eval points, targets and every user function are evaluated
/// first, on the calling thread and in creation order; then the tuning curves and the solves, which
/// are independent pure numerics, run in parallel. Results do not depend on the number of threads. A problem
/// posed twice in one build (<see cref="SharedSolves"/>) is solved once, and connections out of one ensemble that
/// decode different functions with the same eval points and a factoring solver (LstsqL2, NnlsL2, NnlsL2nz) compute
/// its tuning curves and the factorisation once (<see cref="Numerics.IFactoringSolver"/>), with the same results.
/// </summary>
public static class DecoderSolving
{
    private sealed record Problem(Connection Conn, Random Rng, Solver Solver, BuiltEnsemble Pre, Matrix<double> Points,
        Matrix<double> Targets, Matrix<double>? Transform, Matrix<double>? PostEncoders, int Seed);

    /// <summary>Solves the decoded connections among <paramref name="connections"/>, keeping the results for <see cref="ConnectionBuilder"/>.</summary>
    /// <param name="ctx">The build in progress (their pre and post ensembles must be built).</param>
    /// <param name="connections">Connections about to be built.</param>
    /// <exception cref="BuildError">When a function fails or decoders cannot be solved.</exception>
    public static void Presolve(BuildContext ctx, IEnumerable<Connection> connections)
    {
        var problems = connections.Where(c => c.IsDecoded && ctx.Ensembles.ContainsKey((Ensemble)c.PreObject))
            .Select(c => Prepare(ctx, c, new Random(ctx.SeedOf(c)))).ToList();
        if (problems.Count == 0) return;
        var results = new DecoderSolution[problems.Count];
        var shared = SharedActivities.Find(ctx, problems);
        // One unit of work per set of problems that share their activities, solved one after the other by one
        // thread: nobody waits for another's tuning curves, and the units run in parallel, each on one thread
        // (BuildThreads: nested parallel loops only waited on each other).
        var units = Units(shared);
        var errors = new Exception?[problems.Count];
        void Unit(int u)
        {
            foreach (int i in units[u])
            {
                try { results[i] = SolveProblem(ctx, problems[i], shared[i]); }
                catch (Exception e) { errors[i] = e; }
            }
        }
        if (units.Count == 1) Unit(0);
        else Parallel.For(0, units.Count, u => Numerics.BuildThreads.AsWorker(() => Unit(u)));
        // Report the first failing connection in creation order, as a sequential build would, whichever thread
        // failed first.
        if (errors.FirstOrDefault(e => e is not null) is { } first)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        for (int i = 0; i < problems.Count; i++) ctx.Presolved[problems[i].Conn] = results[i];
    }

    /// <summary>The decoders of <paramref name="conn"/>: presolved if <see cref="Presolve"/> did it, else solved now with <paramref name="rng"/>.</summary>
    /// <param name="ctx">The build in progress.</param>
    /// <param name="conn">A decoded connection.</param>
    /// <param name="rng">The connection's generator (used only when solving now).</param>
    /// <returns>The solution.</returns>
    /// <exception cref="BuildError">When decoders cannot be solved.</exception>
    public static DecoderSolution Solve(BuildContext ctx, Connection conn, Random rng) =>
        ctx.Presolved.TryRemove(conn, out var s) ? s : SolveProblem(ctx, Prepare(ctx, conn, rng));

    private static Problem Prepare(BuildContext ctx, Connection conn, Random rng)
    {
        var ens = (Ensemble)conn.PreObject;
        var built = ctx.Ensembles[ens];
        var solver = Defaults.ConnectionSolver(conn);
        var transform = conn.Transform is Dense dense ? Matrix<double>.Build.DenseOfArray(dense.ToMatrix(conn.SizeMid, conn.SizeOut)) : null;
        Matrix<double>? postEncoders = null;
        if (solver.Weights)
        {
            // E_post restricted to the post slice: n_post × |slice|; it folds the post encoding into the weights.
            var post = (Ensemble)conn.PostObject;
            var enc = ctx.Ensembles[post].ScaledEncoders;
            var cols = conn.PostSlice?.ToArray() ?? Enumerable.Range(0, post.Dimensions).ToArray();
            postEncoders = Matrix<double>.Build.Dense(post.NNeurons, cols.Length, (i, j) => enc[i, cols[j]]);
        }

        Matrix<double> points;
        if (conn.EvalPoints is { } dist)
        {
            int m = dist is Samples s ? s.Rows : ens.NEvalPoints ?? Defaults.FindValue(ens, x => x.Ensemble.NEvalPoints) ?? Defaults.NEvalPoints(ens.NNeurons, ens.Dimensions);
            points = Matrix<double>.Build.DenseOfArray(dist.Sample(m, ens.Dimensions, rng));
            if (conn.ScaleEvalPoints) points *= built.Radius;
        }
        else points = built.EvalPoints;

        int rows = points.RowCount;
        var slice = conn.PreSlice?.ToArray() ?? Enumerable.Range(0, ens.Dimensions).ToArray();
        var targets = Matrix<double>.Build.Dense(rows, conn.SizeMid);
        var point = new double[slice.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int k = 0; k < slice.Length; k++) point[k] = points[i, slice[k]];
            var y = conn.Function is { } f ? f.Evaluate(point) : point;
            for (int k = 0; k < y.Length; k++) targets[i, k] = y[k];
        }
        return new Problem(conn, rng, solver, built, points, targets, transform, postEncoders, ctx.SeedOf(conn));
    }

    // The problems grouped by the activities they share (a problem alone is its own group), in creation order.
    private static List<int[]> Units(SharedActivities?[] shared)
    {
        var units = new List<List<int>>();
        var byGroup = new Dictionary<SharedActivities, List<int>>();
        for (int i = 0; i < shared.Length; i++)
        {
            if (shared[i] is not { } group) units.Add([i]);
            else if (byGroup.TryGetValue(group, out var members)) members.Add(i);
            else units.Add(byGroup[group] = [i]);
        }
        return units.ConvertAll(u => u.ToArray());
    }

    private static DecoderSolution SolveProblem(BuildContext ctx, Problem p, SharedActivities? shared = null)
    {
        try { return Solve(ctx, p, shared); }
        finally { shared?.Done(); }
    }

    private static DecoderSolution Solve(BuildContext ctx, Problem p, SharedActivities? shared)
    {
        string me = p.Conn.Describe;
        var ens = (Ensemble)p.Conn.PreObject;
        var built = p.Pre;
        // The solve takes the eval points in the order of EvalPointOrder (the least-squares problem does not depend on
        // it, only the rounding does); the reported points and the functions' calls keep the built order.
        var order = EvalPointOrder.Of(p.Points);
        var points = order is null ? p.Points : EvalPointOrder.Rows(p.Points, order);
        var targets = order is null ? p.Targets : EvalPointOrder.Rows(p.Targets, order);
        bool direct = p.Solver.Weights && !p.Solver.Compositional;
        if (direct)
        {
            // A non-compositional solver with weights: true solves the full weights: targets Y·Tᵀ·E_postᵀ (NEF.md §5).
            var y = p.Transform is null ? targets : targets * p.Transform.Transpose();
            targets = y * p.PostEncoders!.Transpose();
        }
        Numerics.IDecoderSolver implementation;
        try { implementation = ctx.Solvers.Get(p.Solver); }
        catch (BuildError e) { throw new BuildError($"{me}: {e.Message}", e); }
        var cache = ctx.DecoderCache;
        byte[]? key = cache is null ? null
            : Caching.DecoderCacheKey.Compute(p.Solver, implementation, built, points, targets, p.Seed, p.Conn.EvalPoints?.ToString());
        if (key is null || !cache!.TryGet(key, built.Encoders.RowCount, targets.ColumnCount, out var result))
        {
            BuildError Silent() =>
                new($"{me}: no neuron of {ens.Describe} is active at any eval point, so no decoders can be solved; check its intercepts, gains and biases.");
            Numerics.SolverResult SolveNow()
            {
                if (shared is not null && !direct && implementation is Numerics.IFactoringSolver factoring)
                {
                    var (a, active, prepared) = shared.Get(factoring, p.Solver, points);
                    if (!active) throw Silent();
                    return factoring.Solve(p.Solver, prepared!, a, targets);
                }
                var activities = TuningCurves.Compute(points, built, out bool anyActive);
                try
                {
                    if (!anyActive) throw Silent();
                    return implementation.Solve(p.Solver, activities, targets, p.Rng);
                }
                finally
                {
                    // The solvers of this assembly keep nothing of A; another one might.
                    if (implementation.GetType().Assembly == typeof(DecoderSolving).Assembly)
                        Numerics.ScratchArrays.Return(activities.AsColumnMajorArray());
                }
            }
            result = !direct && SharedSolves.IsDeterministic(implementation)
                ? ctx.SharedSolves.GetOrSolve(built, p.Points, p.Solver, targets, SolveNow)
                : SolveNow();
            if (key is not null) cache!.Put(key, result);
        }
        var decoders = result.X.Transpose();
        // Compositional: W = T·D, then E·W for weights; a non-compositional weight solver already solved E·T·f.
        var w = direct ? decoders : p.Transform is null ? decoders : p.Transform * decoders;
        if (p.Solver.Weights && !direct) w = p.PostEncoders! * w;
        return new DecoderSolution(w, p.Points, new SolverInfo(result.Rmses, p.Solver), p.Solver.Weights);
    }

    /// <summary>
    /// The tuning curves and the factorisation shared by the problems of one build that decode the same ensemble with
    /// the same eval points and the same factoring solver (<see cref="Numerics.IFactoringSolver"/>) but different
    /// functions: computed by the first of them that needs it, released when the last is done.
    /// </summary>
    private sealed class SharedActivities(BuiltEnsemble pre, int users)
    {
        private readonly object _gate = new();
        private (Matrix<double> A, bool AnyActive, object? Prepared)? _value;
        private Numerics.IFactoringSolver? _solver;
        private int _remaining = users;

        /// <summary>For each problem, the shared state it may use, or null where no other problem shares its activities.</summary>
        public static SharedActivities?[] Find(BuildContext ctx, List<Problem> problems)
        {
            var shared = new SharedActivities?[problems.Count];
            var groups = Enumerable.Range(0, problems.Count)
                .Where(i => !(problems[i].Solver.Weights && !problems[i].Solver.Compositional) && Factoring(ctx, problems[i].Solver))
                .GroupBy(i => problems[i], SameActivities.Instance);
            foreach (var group in groups)
            {
                var members = group.ToArray();
                if (members.Length < 2) continue;
                var state = new SharedActivities(problems[members[0]].Pre, members.Length);
                foreach (int i in members) shared[i] = state;
            }
            return shared;
        }

        private static bool Factoring(BuildContext ctx, Solver solver)
        {
            try { return ctx.Solvers.Get(solver) is Numerics.IFactoringSolver; }
            catch (BuildError) { return false; }   // reported by the problem's own solve
        }

        /// <summary>The activities, whether any neuron is active, and the solver's prepared state (null when none is active).</summary>
        /// <param name="solver">The factoring solver.</param>
        /// <param name="description">Its description.</param>
        /// <param name="points">The eval points in the solve's order (the same for every user).</param>
        public (Matrix<double> A, bool AnyActive, object? Prepared) Get(Numerics.IFactoringSolver solver, Solver description, Matrix<double> points)
        {
            lock (_gate)
            {
                if (_value is { } known) return known;
                var a = TuningCurves.Compute(points, pre, out bool anyActive);
                var value = (a, anyActive, anyActive ? solver.Prepare(description, a) : null);
                _value = value;
                _solver = solver;
                return value;
            }
        }

        /// <summary>One user is finished; the last one gives the activities and the factorisation back for reuse.</summary>
        public void Done()
        {
            if (Interlocked.Decrement(ref _remaining) != 0) return;
            lock (_gate)
            {
                if (_value is { } last)
                {
                    Numerics.ScratchArrays.Return(last.A.AsColumnMajorArray());
                    if (last.Prepared is not null) _solver!.Release(last.Prepared);
                }
                _value = null;
            }
        }
    }

    /// <summary>Problems with the same pre ensemble and eval points (by reference) and an equal solver description.</summary>
    private sealed class SameActivities : IEqualityComparer<Problem>
    {
        public static readonly SameActivities Instance = new();

        public bool Equals(Problem? a, Problem? b) =>
            a is not null && b is not null && ReferenceEquals(a.Pre, b.Pre) && ReferenceEquals(a.Points, b.Points) && a.Solver == b.Solver;

        public int GetHashCode(Problem p) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Pre), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(p.Points), p.Solver);
    }
}
