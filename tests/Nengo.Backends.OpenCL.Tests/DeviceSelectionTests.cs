using Nengo.Backends.OpenCL.Interop;
using NUnit.Framework;

namespace Nengo.Backends.OpenCL.Tests;

/// <summary>Choosing a device: by default, by index, by predicate, and the errors that list what was found.</summary>
[TestFixture]
public sealed class DeviceSelectionTests : OpenCLTestBase
{
    [Test]
    public void Default_PicksADeviceAndNamesItself()
    {
        var backend = new OpenCLBackend();
        Assert.That(OpenCLBackend.Devices, Does.Contain(backend.Device));
        Assert.That(backend.Name, Is.EqualTo("opencl"));
        Assert.That(backend.Precision, Is.EqualTo(OpenCLPrecision.Single));
        Assert.That(OpenCLBackend.UnavailableReason, Is.Null);
        Assert.That(OpenCLBackend.TryCreate(out var b, out var reason), Is.True);
        Assert.That(b, Is.Not.Null);
        Assert.That(reason, Is.Null);
    }

    [Test]
    public void ByIndex_AndByPredicate_SelectTheSameDevice()
    {
        var d = OpenCLBackend.Devices[0];
        Assert.That(new OpenCLBackend(d.PlatformIndex, d.DeviceIndex).Device, Is.EqualTo(d));
        Assert.That(new OpenCLBackend(x => x.Name == d.Name).Device, Is.EqualTo(d));
    }

    [Test]
    public void PredicateMatchingNothing_IsOpenCLException_ListingTheDevicesFound()
    {
        var e = Assert.Throws<OpenCLException>(() => _ = new OpenCLBackend(_ => false))!;
        Assert.That(e.Call, Is.EqualTo("clGetDeviceIDs"));
        Assert.That(e.ErrorCode, Is.EqualTo(-1));
        Assert.That(e.ErrorName, Is.EqualTo("CL_DEVICE_NOT_FOUND"));
        Assert.That(e, Is.InstanceOf<NengoException>());
        foreach (var d in OpenCLBackend.Devices) Assert.That(e.Message, Does.Contain(d.Name));
        Assert.That(e.Message, Does.Contain("predicate"));
    }

    [Test]
    public void IndexOutOfRange_IsOpenCLException_ListingTheDevicesFound()
    {
        var e = Assert.Throws<OpenCLException>(() => _ = new OpenCLBackend(99, 0))!;
        Assert.That(e.Message, Does.Contain("99.0"));
        Assert.That(e.Message, Does.Contain(OpenCLBackend.Devices[0].Name));
    }

    [Test]
    public void DoubleOnADeviceWithoutFp64_IsNotSupportedByBackend()
    {
        var noFp64 = OpenCLBackend.Devices[0] with { SupportsDouble = false };
        Assert.That(() => new OpenCLBackend(OpenCLPrecision.Double, noFp64),
            Throws.InstanceOf<NotSupportedByBackendError>().With.Message.Contains("cl_khr_fp64").And.Message.Contains(noFp64.Name));
    }

    [Test]
    public void UndefinedPrecision_IsValidationError()
    {
        Assert.That(() => new OpenCLBackend((OpenCLPrecision)7), Throws.InstanceOf<ValidationError>().With.Message.Contains("precision"));
    }

    [Test]
    public void DevicesPrintReadably()
    {
        var d = OpenCLBackend.Devices[0];
        Assert.That(d.ToString(), Does.Contain(d.Name).And.Contain($"[{d.PlatformIndex}.{d.DeviceIndex}]"));
        Assert.That(ErrorNames.Of(-11), Is.EqualTo("CL_BUILD_PROGRAM_FAILURE"));
        Assert.That(ErrorNames.Of(-12345), Is.EqualTo("CL_UNKNOWN_ERROR"));
    }
}

/// <summary>What the backend says on a machine without OpenCL (runs everywhere; checks whichever case this machine is).</summary>
[TestFixture]
public sealed class AvailabilityTests
{
    [Test]
    public void IsAvailable_NeverThrows_AndAgreesWithConstruction()
    {
        bool available = false;
        Assert.That(() => available = OpenCLBackend.IsAvailable, Throws.Nothing);
        if (available)
        {
            Assert.That(OpenCLBackend.Devices, Is.Not.Empty);
            Assert.That(() => new OpenCLBackend(), Throws.Nothing);
        }
        else
        {
            Assert.That(OpenCLBackend.Devices, Is.Empty);
            Assert.That(OpenCLBackend.UnavailableReason, Does.StartWith("no OpenCL platform found"));
            var e = Assert.Throws<OpenCLException>(() => _ = new OpenCLBackend())!;
            Assert.That(e.Message, Does.Contain("no OpenCL platform found"));
            Assert.That(OpenCLBackend.TryCreate(out var b, out var reason), Is.False);
            Assert.That(b, Is.Null);
            Assert.That(reason, Does.Contain("no OpenCL platform found"));
        }
    }
}
