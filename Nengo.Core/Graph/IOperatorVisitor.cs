using Nengo.Graph.Operators;

namespace Nengo.Graph;

/// <summary>
/// One method per operator type. Backends implement it to turn each operator into a kernel, so adding
/// an operator breaks every backend's build until it handles it (or throws <see cref="NotSupportedByBackendError"/>).
/// </summary>
/// <typeparam name="T">What the visitor produces per operator.</typeparam>
public interface IOperatorVisitor<out T>
{
    /// <summary>Visits a <see cref="TimeUpdate"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(TimeUpdate op);

    /// <summary>Visits a <see cref="Reset"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(Reset op);

    /// <summary>Visits a <see cref="Copy"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(Copy op);

    /// <summary>Visits an <see cref="ElementwiseInc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(ElementwiseInc op);

    /// <summary>Visits a <see cref="DotInc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(DotInc op);

    /// <summary>Visits a <see cref="SimNeurons"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimNeurons op);

    /// <summary>Visits a <see cref="SimProcess"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimProcess op);

    /// <summary>Visits a <see cref="SimNodeFunc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimNodeFunc op);

    /// <summary>Visits a <see cref="SimPES"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimPES op);

    /// <summary>Visits a <see cref="SimBCM"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimBCM op);

    /// <summary>Visits a <see cref="SimOja"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimOja op);

    /// <summary>Visits a <see cref="SimVoja"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimVoja op);

    /// <summary>Visits a <see cref="SimRLS"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SimRLS op);

    /// <summary>Visits a <see cref="SparseDotInc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(SparseDotInc op);

    /// <summary>Visits a <see cref="ConvInc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(ConvInc op);

    /// <summary>Visits a <see cref="ConvTransposeInc"/>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The result.</returns>
    T Visit(ConvTransposeInc op);
}
