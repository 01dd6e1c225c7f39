using NUnit.Framework;

namespace Nengo.Core.Tests;

/// <summary>
/// Asserts that a call is rejected with a typed exception whose message carries every given fragment
/// (the object, the C# parameter name, the value given and what is allowed; API.md "Errors").
/// </summary>
internal static class Expect
{
    /// <summary>Asserts <paramref name="code"/> throws exactly <see cref="ValidationError"/> and its message contains each fragment.</summary>
    public static ValidationError Validation(TestDelegate code, params string[] fragments) => Throws<ValidationError>(code, fragments);

    /// <summary>Asserts <paramref name="code"/> throws exactly <typeparamref name="T"/> and its message contains each fragment.</summary>
    public static T Throws<T>(TestDelegate code, params string[] fragments) where T : Exception
    {
        var e = Assert.Throws<T>(code)!;
        foreach (var f in fragments)
            Assert.That(e.Message, Does.Contain(f), $"the message should contain \"{f}\"");
        Assert.That(e, Is.InstanceOf<NengoException>(), "every deliberate error derives from NengoException");
        return e;
    }
}
