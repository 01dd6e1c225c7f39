using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>Asserts a typed NengoSharp exception whose message carries every given fragment.</summary>
internal static class Expect
{
    public static T Throws<T>(TestDelegate code, params string[] fragments) where T : Exception
    {
        var e = Assert.Throws<T>(code)!;
        foreach (var f in fragments)
            Assert.That(e.Message, Does.Contain(f), $"the message should contain \"{f}\"");
        Assert.That(e, Is.InstanceOf<NengoException>(), "every deliberate error derives from NengoException");
        return e;
    }
}
