using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.DependencyInjection;

/// <summary>
/// The SDK binds its options through the configuration binding generator, so that trimmed and Native AOT applications
/// bind them too. This test project has no generator: its <c>Bind</c> is the reflection binder, the reference the
/// generated binding must match, option by option, nested sections included. Every public option is found by
/// reflection here, so an option added later is checked without changing the test.
/// </summary>
public sealed class OptionsBindingTests
{
    private const string Section = MedicAppTelemetryOptions.SectionName;

    [Theory]
    [InlineData("application configuration")]
    [InlineData("section")]
    [InlineData("whole configuration")]
    public void Binding_EveryOptionSetInConfiguration_BindsAsTheReflectionBinderDoes(string source)
    {
        var settings = Settings(typeof(MedicAppTelemetryOptions), Section).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(static s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var expected = new MedicAppTelemetryOptions();
        configuration.GetSection(Section).Bind(expected);

        var bound = BindThroughTheSdk(configuration, source);

        var defaults = new MedicAppTelemetryOptions();
        Assert.All(settings, setting =>
        {
            Assert.True(!Equals(setting.Read(defaults), setting.Read(expected)), $"{setting.Key}: the reflection binder left the default, the test value proves nothing.");
            Assert.True(Equals(setting.Read(expected), setting.Read(bound)), $"{setting.Key} is {setting.Read(bound) ?? "null"}, the reflection binder gives {setting.Read(expected)}.");
        });
        Assert.Contains(settings, static s => s.Key == "MedicAppTelemetry:StrictMode");
        Assert.Contains(settings, static s => s.Key == "MedicAppTelemetry:Local:Path");
        Assert.Contains(settings, static s => s.Key == "MedicAppTelemetry:Pseudonymization:Key");
        Assert.Contains(settings, static s => s.Key == "MedicAppTelemetry:ApplicationInsights:FlushTimeout");
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Binding_StrictMode_IsBoundAsANullableBoolean(string value, bool expected)
    {
        var configuration = TelemetryConfiguration(new() { [Section + ":StrictMode"] = value });

        Assert.Equal(expected, BindThroughTheSdk(configuration, "section").StrictMode);
    }

    [Fact]
    public void Binding_InvalidTimeSpan_FailsNamingTheSetting()
    {
        var configuration = TelemetryConfiguration(new() { [Section + ":ApplicationInsights:FlushTimeout"] = "soon" });

        var exception = Assert.Throws<InvalidOperationException>(() => BindThroughTheSdk(configuration, "section"));

        Assert.Contains("MedicAppTelemetry:ApplicationInsights:FlushTimeout", exception.Message, StringComparison.Ordinal);
    }

    // The SDK's own configuration steps, applied without its validation: the values are chosen to differ from the
    // defaults, not to make sense together.
    private static MedicAppTelemetryOptions BindThroughTheSdk(IConfigurationRoot configuration, string source)
    {
        var services = new ServiceCollection();
        switch (source)
        {
            case "application configuration":
                services.AddSingleton<IConfiguration>(configuration);
                services.AddMedicAppTelemetry();
                break;
            case "section":
                services.AddMedicAppTelemetry(configuration.GetSection(Section));
                break;
            default:
                services.AddMedicAppTelemetry(configuration);
                break;
        }

        using var provider = services.BuildServiceProvider();
        var options = new MedicAppTelemetryOptions();
        foreach (var configure in provider.GetServices<IConfigureOptions<MedicAppTelemetryOptions>>())
        {
            configure.Configure(options);
        }

        return options;
    }

    private static IConfigurationRoot TelemetryConfiguration(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    // Settable public properties are settings; get-only ones of a class type are nested sections.
    private static IEnumerable<Setting> Settings(Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = path + ":" + property.Name;
            if (property.SetMethod is { IsPublic: true })
            {
                yield return new Setting(key, ValueOtherThanTheDefault(property, key), options => property.GetValue(options));
            }
            else if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
            {
                foreach (var nested in Settings(property.PropertyType, key))
                {
                    yield return nested with { Read = options => nested.Read(property.GetValue(options)) };
                }
            }
        }
    }

    private static string ValueOtherThanTheDefault(PropertyInfo property, string key)
    {
        var type = property.PropertyType;
        var defaultValue = property.GetValue(Activator.CreateInstance(property.DeclaringType!));
        return type switch
        {
            _ when type == typeof(string) => "value-of-" + property.Name,
            _ when type == typeof(bool) => (!(bool)defaultValue!).ToString(CultureInfo.InvariantCulture),
            _ when type == typeof(bool?) => "true",
            _ when type == typeof(int) => ((int)defaultValue! + 7).ToString(CultureInfo.InvariantCulture),
            _ when type == typeof(TimeSpan) => ((TimeSpan)defaultValue! + TimeSpan.FromSeconds(83)).ToString("c", CultureInfo.InvariantCulture),
            _ => throw new NotSupportedException($"{key} is a {type}: give the test a value of that type, and check that the generator binds it."),
        };
    }

    private sealed record Setting(string Key, string Value, Func<object?, object?> Read);
}
