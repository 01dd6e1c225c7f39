using MathNet.Numerics.LinearAlgebra;

namespace Nengo.Graph;

/// <summary>The parameters the builder chose for an ensemble (<c>sim.Data[ensemble]</c>).</summary>
/// <param name="Encoders">Unit encoders, n × d.</param>
/// <param name="ScaledEncoders">Encoders × gain / radius, n × d (what multiplies the decoded input).</param>
/// <param name="EvalPoints">Eval points, radius-scaled, m × d.</param>
/// <param name="Gain">Gain per neuron (empty for Direct).</param>
/// <param name="Bias">Bias per neuron (empty for Direct).</param>
/// <param name="MaxRates">Max rate per neuron.</param>
/// <param name="Intercepts">Intercept per neuron.</param>
/// <param name="Radius">The radius used.</param>
/// <param name="NeuronType">The neuron type used.</param>
/// <remarks>Nengo equivalent: <c>BuiltEnsemble</c>.</remarks>
public sealed record BuiltEnsemble(Matrix<double> Encoders, Matrix<double> ScaledEncoders, Matrix<double> EvalPoints,
    Vector<double> Gain, Vector<double> Bias, Vector<double> MaxRates, Vector<double> Intercepts, double Radius, NeuronType NeuronType);
