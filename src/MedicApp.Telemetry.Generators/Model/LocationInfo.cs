using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// Where a diagnostic points, kept as plain values: a <see cref="Location"/> holds the syntax tree and
/// would make every model unequal across compilations.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
