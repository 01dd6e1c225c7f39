using System.Reflection;
using Nengo.Backends.Cpu;
using Nengo.Builder.Registry;
using NUnit.Framework;

namespace Nengo.Builder.Tests;

/// <summary>
/// The layering of STYLE.md: Builder → Core and each backend → Core, never back; backends never see the
/// compiler; dependency injection stays in DependencyInjection namespaces.
/// </summary>
[TestFixture]
public class ArchitectureTests
{
    private const string DiAbstractions = "Microsoft.Extensions.DependencyInjection.Abstractions";

    private static Assembly Core => typeof(Network).Assembly;

    private static Assembly BuilderAssembly => typeof(BuilderRegistry).Assembly;

    private static Assembly Cpu => typeof(CpuBackend).Assembly;

    private static Assembly Networks => Assembly.Load("Nengo.Networks");

    private static IEnumerable<TestCaseData> NengoAssemblies()
    {
        yield return new TestCaseData("Nengo.Core").SetArgDisplayNames("Core");
        yield return new TestCaseData("Nengo.Builder").SetArgDisplayNames("Builder");
        yield return new TestCaseData("Nengo.Backends.Cpu").SetArgDisplayNames("Backends.Cpu");
        yield return new TestCaseData("Nengo.Networks").SetArgDisplayNames("Networks");
    }

    private static string[] NengoReferences(Assembly a) =>
        a.GetReferencedAssemblies().Select(n => n.Name!).Where(n => n == "Nengo" || n.StartsWith("Nengo.", StringComparison.Ordinal)).Order().ToArray();

    [Test]
    public void TheAssembliesUnderTest_AreTheOnesWeThinkTheyAre()
    {
        Assert.That(Core.GetName().Name, Is.EqualTo("Nengo.Core"));
        Assert.That(BuilderAssembly.GetName().Name, Is.EqualTo("Nengo.Builder"));
        Assert.That(Cpu.GetName().Name, Is.EqualTo("Nengo.Backends.Cpu"));
        Assert.That(Networks.GetName().Name, Is.EqualTo("Nengo.Networks"));
    }

    [Test]
    public void Core_ReferencesNoOtherNengoAssembly()
    {
        Assert.That(NengoReferences(Core), Is.Empty);
    }

    [Test]
    public void CpuBackend_ReferencesCore_ButNotTheBuilder()
    {
        var refs = NengoReferences(Cpu);
        Assert.That(refs, Does.Contain("Nengo.Core"));
        Assert.That(refs, Does.Not.Contain("Nengo.Builder"));
        Assert.That(refs, Is.SubsetOf(new[] { "Nengo.Core" }), "a backend depends only on Core's graph vocabulary");
    }

    [Test]
    public void Builder_ReferencesOnlyCore_AndTheDefaultCpuBackend()
    {
        Assert.That(NengoReferences(BuilderAssembly), Is.SubsetOf(new[] { "Nengo.Core", "Nengo.Backends.Cpu" }));
    }

    [Test]
    public void Networks_ReferenceOnlyCore_AmongNengoAssemblies()
    {
        Assert.That(NengoReferences(Networks), Is.SubsetOf(new[] { "Nengo.Core" }));
    }

    [Test]
    public void Networks_DoNotReferenceDependencyInjection()
    {
        Assert.That(Networks.GetReferencedAssemblies().Select(n => n.Name), Has.None.StartsWith("Microsoft.Extensions.DependencyInjection"));
    }

    [Test]
    public void OnlyTheExpectedAssemblies_ReferenceDependencyInjection()
    {
        foreach (var a in new[] { Core, BuilderAssembly, Cpu, Networks })
        {
            var di = a.GetReferencedAssemblies().Select(n => n.Name!).Where(n => n.StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal));
            Assert.That(di, Is.SubsetOf(new[] { DiAbstractions }), $"{a.GetName().Name} may reference only the DI abstractions");
        }
    }

    [TestCaseSource(nameof(NengoAssemblies))]
    public void NoPublicType_OutsideADependencyInjectionNamespace_ExposesDependencyInjectionTypes(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var offenders = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.Namespace?.EndsWith(".DependencyInjection", StringComparison.Ordinal) == true) continue;
            foreach (var (member, used) in SignatureTypes(type))
                if (Flatten(used).Any(IsFromDi))
                    offenders.Add($"{type.FullName}.{member}: {used}");
        }
        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void DependencyInjection_Types_LiveOnlyInDependencyInjectionNamespaces()
    {
        var withDi = new[] { Core, BuilderAssembly, Cpu }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => SignatureTypes(t).Any(s => Flatten(s.Type).Any(IsFromDi)))
            .ToList();
        Assert.That(withDi, Is.Not.Empty, "the extension methods and NengoServicesBuilder do use IServiceCollection");
        Assert.That(withDi.Select(t => t.Namespace), Has.All.EndsWith(".DependencyInjection"));
    }

    [Test]
    public void CoresDependencyInjectionNamespace_HoldsOnlyTheServicesBuilder()
    {
        var di = Core.GetExportedTypes().Where(t => t.Namespace?.EndsWith(".DependencyInjection", StringComparison.Ordinal) == true);
        Assert.That(di.Select(t => t.Name), Is.EqualTo(new[] { "NengoServicesBuilder" }));
    }

    private static bool IsFromDi(Type t) => t.Assembly.GetName().Name == DiAbstractions;

    /// <summary>Every type named in the public (and protected) surface of <paramref name="type"/>.</summary>
    private static IEnumerable<(string Member, Type Type)> SignatureTypes(Type type)
    {
        if (type.BaseType is { } b) yield return ("(base)", b);
        foreach (var i in type.GetInterfaces()) yield return ("(interface)", i);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var m in type.GetMembers(flags))
        {
            switch (m)
            {
                case MethodBase method when method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly:
                    if (method is MethodInfo mi) yield return (m.Name, mi.ReturnType);
                    foreach (var p in method.GetParameters()) yield return (m.Name, p.ParameterType);
                    break;
                case PropertyInfo prop when prop.GetMethod is { IsPublic: true } || prop.SetMethod is { IsPublic: true }:
                    yield return (m.Name, prop.PropertyType);
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily:
                    yield return (m.Name, field.FieldType);
                    break;
                case EventInfo ev when ev.AddMethod is { IsPublic: true }:
                    yield return (m.Name, ev.EventHandlerType!);
                    break;
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type t)
    {
        yield return t;
        if (t.HasElementType)
            foreach (var e in Flatten(t.GetElementType()!)) yield return e;
        if (t.IsGenericType)
            foreach (var g in t.GetGenericArguments())
                if (!g.IsGenericParameter)
                    foreach (var e in Flatten(g)) yield return e;
    }
}
