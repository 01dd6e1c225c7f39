namespace Nengo.Testing;

/// <summary>
/// The tests a float32 backend case skips: each asserts a float64-exact identity, which the float64 cases
/// (Cpu, OpenCL64) check instead.
/// </summary>
public static class Float64Exact
{
    /// <summary>Why a float32 case skips them.</summary>
    public const string Reason =
        "asserts a float64-exact identity (a tolerance of 1e-9 or less relative to the values, or a fixed 1e-15 or exact " +
        "equality that the backend's scale does not reach); float32 signals round at about 6e-8 relative, so the identity " +
        "is checked in float64 by the float64 cases instead";

    /// <summary>
    /// Tests that compare a float32 run with float64 formulas at float64 precision, measured on POCL (each fails by
    /// 1e-8 to 1e-4 relative, the size of float32 rounding, and passes on OpenCL64 and Cpu). Behavioural tests (tolerances of
    /// 0.01 and up) all pass in float32 at scale 1.
    /// </summary>
    public static IReadOnlyList<string> Tests { get; } =
    [
        // Synapses and delays: filtered sequences compared with offline float64 filters at 1e-12 / 1e-15.
        "Alpha_MatchesOfflineFilterAndReference", "Alpha_SineInput_MatchesOfflineFilter", "ChainOfTwoSynapses*",
        "ConstantIntoEnsemble_DefaultSynapse_InputSequence", "ConstantThroughLowpass_MatchesNefReference", "DecodedOutputProbeSynapse_AddsOneStep",
        "DefaultConnectionSynapse_IsLowpass5ms", "LinearFilter_Analog_EqualsProductOfLowpasses", "LinearFilter_Digital_UsedAsGiven",
        "Lowpass0_OneStepDelay_UnitGain", "Lowpass_SineInput_MatchesOfflineFilter", "NodeFunctionOfInput_ReadsInputOfSameStep",
        "NullSynapse_SameStep", "ProbeSynapse_AddsOneStep", "ProbeWithoutSynapse_RecordsSameStep", "TransformThenSynapse_IsLinear",
        "VectorSignal_FilteredPerDimension", "TriangleSynapse_OnAConnection_*",
        // Probes and the clock: t = k*dt and stored weights compared exactly.
        "ConnectionOutputInputAndWeights", "DataRows_EqualSteps_ColumnsEqualDimensions", "DecodedConnectionWeights_AreDecoders",
        "EnsembleInputAndScaledEncoders", "NeuronsOutputWithSynapse_IsDelayedLowpassOfSpikes", "SampleEvery_BelowDt_RecordsEveryStep",
        "SampleEvery_FractionalPeriod_NefRule", "SampleEvery_RestartsAfterReset", "Clock_TimeStepsTrange", "CustomDt", "RunStepsAndStep",
        "ProbeOfNodeSlice", "EnsemblePostSlices_EncodeIntoThoseDimensions", "NodePreFunction_EvaluatedExactlyEachStep",
        // A one-row decoder (a dot product) against a column of a two-row one (a spike gather): the same sum in another order.
        "DecodedOutputOfSlice_IsThatColumn",
        // Neuron currents and rates compared with their formulas at 1e-9 to 1e-12.
        "EnsembleToNeurons_DecodedWeightsTimesGain", "NeuronsToEnsemble_TransformActsOnOutputs", "NodeToEnsemble_InputIsBiasPlusGainTimesEncodedXOverRadius",
        "NodeToNeurons_InputIsBiasPlusGainTimesX", "NodeToNeurons_WithMatrixTransform_GainAppliedAfterTransform", "NodeToNeurons_WithSynapse_FilteredThenGain",
        "LifRate_OutputEqualsFormula", "LifRate_Parameters_OutputEqualsFormula", "AdaptiveLifRate_ConvergesToTheFixedPoint",
        "AdaptiveLif_RateDecreasesUnderConstantInput_AndAdaptationTracksIncNTimesRate", "Sigmoid_OutputEqualsFormula_WithBuiltGainBias",
        "Tanh_OutputEqualsFormula_AndIsNegativeBelowIntercept", "RegularSpiking_LifRate_CountsMatchRateWithinOne",
        "VoltageProbe_ResetsToC_AfterEachSpike_AndStaysBelowPeak",
        "DecodedOutputWithoutSynapse_IsDecodersTimesSpikesOfSameStep", "DecodedOutput_WithAndWithoutSynapse",
        // Direct mode and exact transforms.
        "EnsembleToEnsemble_Lowpass0_DelaysOneStep", "Product2D_Exact", "Square_NoSynapses_Exact", "Square_WithSynapses_OnlyFiltering",
        "DirectModeEnsemblePreIsAllowed", "DistributionInitIsDrawnOncePerEntryAtBuildTime", "FromADenseMatrixTakesItsNonzeroEntries",
        "NodeToNode_EqualsTheDenseProduct", "ScalarInitGivesEveryEntryTheSameValue", "TimeVaryingInputEveryStep",
        // Convolutions compared with nested float64 loops and the adjoint identity at 1e-11 / 1e-12.
        "IsTheAdjointOfTheForwardConvolution", "MatchesNestedLoopReference", "DefaultInitIsUniformMinusOneToOneAndSeeded",
        "DistributionInitIsDrawnOncePerKernelPosition", "TimeVaryingInputFromNeuronsPre",
        // Processes compared value by value with their offline float64 runs.
        "PiecewiseNode_DrivesAnEnsemble", "ProcessNode_WithExplicitSeed_EqualsTheOfflineRun",
        // Learning rules: deltas compared with their equations at 1e-12 of their scale, weights exactly.
        "Pes_DeltaIsMinusRateDtOverNTimesErrorTimesActivities", "Pes_IntoNeurons_DeltaProjectsErrorThroughPostEncoders",
        "Pes_WeightsChangeExactlyOneStepAfterDelta", "Bcm_DeltaMatchesEquationFromProbedSignals", "Oja_DeltaMatchesEquationFromProbedSignals",
        "Voja_DeltaMatchesEquation_XIsTheTotalDecodedInput", "Voja_LearningSignalMinusOne_StopsLearning", "Rls_DeltaAndInvGammaMatchEquations",
    ];
}
