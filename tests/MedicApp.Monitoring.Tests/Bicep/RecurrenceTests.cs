using System.Globalization;
using System.Text.Json;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// Logic Apps apply a recurrence's time zone only when it has a start time, written without an offset ("Schedule and run
/// recurring workflows with Azure Logic Apps", learn.microsoft.com/azure/connectors/connectors-native-recurrence):
/// otherwise "03:00 Paris" runs at 03:00 UTC.
/// </summary>
public sealed class RecurrenceTests
{
    [Fact]
    public async Task EveryRecurrenceWithATimeZone_HasALocalStartTime()
    {
        var recurrences = Recurrences((await BicepCli.CompiledMainAsync()).GetRawText()).ToList();

        Assert.True(recurrences.Any(static r => r.TryGetProperty("timeZone", out _)), $"{recurrences.Count} recurrences, none with a time zone");
        Assert.All(recurrences.Where(static r => r.TryGetProperty("timeZone", out _)), static recurrence =>
        {
            Assert.True(recurrence.TryGetProperty("startTime", out var start), $"no startTime in {recurrence}");
            Assert.True(
                DateTime.TryParseExact(start.GetString(), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                $"{start} is not a local date and time (yyyy-MM-ddTHH:mm:ss, no Z nor offset)");
        });
    }

    // Every "recurrence" object of the template, those in variables and workflow definitions included.
    private static IEnumerable<JsonElement> Recurrences(string json)
    {
        var stack = new Stack<JsonElement>([JsonDocument.Parse(json).RootElement]);
        while (stack.TryPop(out var element))
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "recurrence" && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("frequency", out _))
                    {
                        yield return property.Value;
                    }

                    stack.Push(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
    }
}
