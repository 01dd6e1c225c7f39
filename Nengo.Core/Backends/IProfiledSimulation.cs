namespace Nengo.Backends;

/// <summary>A simulation that can describe how it executes the model (its plan) and, when profiling, where the time goes.</summary>
public interface IProfiledSimulation
{
    /// <summary>A readable report: the execution plan and, if profiling was on, the time per operator type.</summary>
    /// <returns>The report.</returns>
    string PlanReport();
}
