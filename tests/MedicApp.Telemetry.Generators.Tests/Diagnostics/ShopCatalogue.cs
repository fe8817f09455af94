namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// The catalogue the property diagnostics tests declare their parameters in: one event, <c>order_placed</c>, beside the
/// enums a parameter may take (one with two members of one wire name, one without members, one of flags).
/// </summary>
internal static class ShopCatalogue
{
    private const string Template = """
        using System;
        using MedicApp.Telemetry;

        namespace Shop;

        public enum PaymentMethod { Card, Transfer }

        public enum Channel { Sms, Email, SMS }

        public enum Outcome { }

        [Flags]
        public enum OrderFlags { None = 0, Gift = 1, Express = 2 }

        public partial class ShopTracker
        {
            [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
            public partial void OrderPlaced(PARAMETERS);
        }
        """;

    /// <summary>The catalogue's source, its event method declaring <paramref name="parameters"/>.</summary>
    public static string Declaring(string parameters) => Template.Replace("PARAMETERS", parameters, System.StringComparison.Ordinal);
}
