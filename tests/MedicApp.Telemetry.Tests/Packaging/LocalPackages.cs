using System;
using System.Collections.Generic;
using System.Linq;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The README's steps to use the packages before they are published, read from the README itself (each code block
/// follows a <c>&lt;!-- local-packages: step --&gt;</c> marker): the commands that pack them, the nuget.config that makes
/// their folder a package source, and the commands that reference them.
/// </summary>
internal static class LocalPackages
{
    /// <summary>The folder the pack commands write to, relative to the repository's root.</summary>
    public const string Artifacts = "./artifacts";

    /// <summary>The path the nuget.config shows for that folder, which a reader replaces with the folder's path.</summary>
    public const string ArtifactsPath = "/path/to/MedicApp.Telemetry/artifacts";

    private static readonly IReadOnlyDictionary<string, string> s_steps = ReadmeBlocks.Read("local-packages");

    /// <summary>The <c>dotnet pack</c> commands, run from the repository's root.</summary>
    public static IReadOnlyList<string[]> PackCommands => Commands("pack");

    public static string NuGetConfig => s_steps["nuget.config"];

    /// <summary>The <c>dotnet add package</c> commands, run in the consuming projects' folders.</summary>
    public static IReadOnlyList<string[]> AddPackageCommands => Commands("add-package");

    // One command a line, split on spaces, without the comment that ends it.
    private static string[][] Commands(string step) => s_steps[step]
        .Split('\n')
        .Select(static line => line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .Where(static command => command.Length > 0)
        .ToArray();
}
