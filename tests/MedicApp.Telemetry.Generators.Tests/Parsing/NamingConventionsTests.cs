using MedicApp.Telemetry.Generators.Parsing;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Parsing;

/// <summary>The snake_case and area rules shared by event names, property names and enum values.</summary>
public sealed class NamingConventionsTests
{
    [Theory]
    [InlineData("patientId", "patient_id")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("Sha256Key", "sha256_key")]
    [InlineData("MfaSMS", "mfa_sms")]
    [InlineData("HTTPRequestId", "http_request_id")]
    [InlineData("timeToVerify", "time_to_verify")]
    [InlineData("@event", "event")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("_leading", "leading")]
    [InlineData("double__underscore_", "double_underscore")]
    [InlineData("Web", "web")]
    [InlineData("x", "x")]
    public void ToSnakeCase_Identifier_ReturnsSnakeCaseLowerName(string identifier, string expected)
    {
        Assert.Equal(expected, NamingConventions.ToSnakeCase(identifier));
    }

    [Theory]
    [InlineData("patient_registered")]
    [InlineData("a")]
    [InlineData("sha256_key")]
    [InlineData("mfa2")]
    [InlineData("a_1")]
    public void IsSnakeCase_SnakeCaseName_ReturnsTrue(string name)
    {
        Assert.True(NamingConventions.IsSnakeCase(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("PatientRegistered")]
    [InlineData("patientRegistered")]
    [InlineData("_patient")]
    [InlineData("patient_")]
    [InlineData("patient__registered")]
    [InlineData("1patient")]
    [InlineData("patient-registered")]
    [InlineData("patient registered")]
    [InlineData("patient_é")]
    public void IsSnakeCase_OtherName_ReturnsFalse(string name)
    {
        Assert.False(NamingConventions.IsSnakeCase(name));
    }

    [Theory]
    [InlineData("LOG-11")]
    [InlineData("M1-4")]
    [InlineData("APT-2")]
    public void IsArea_UpperCaseLettersDashNumber_ReturnsTrue(string area)
    {
        Assert.True(NamingConventions.IsArea(area));
    }

    [Theory]
    [InlineData("")]
    [InlineData("LOG")]
    [InlineData("LOG-")]
    [InlineData("-11")]
    [InlineData("log-11")]
    [InlineData("1LOG-11")]
    [InlineData("LOG_11")]
    [InlineData("LOG-11a")]
    [InlineData("LOG-11-2")]
    [InlineData("LOG 11")]
    public void IsArea_OtherText_ReturnsFalse(string area)
    {
        Assert.False(NamingConventions.IsArea(area));
    }

    [Theory]
    [InlineData("patientId", "PatientId")]
    [InlineData("@event", "Event")]
    [InlineData("Channel", "Channel")]
    public void ToPascalCase_ParameterName_ReturnsPropertyName(string identifier, string expected)
    {
        Assert.Equal(expected, NamingConventions.ToPascalCase(identifier));
    }
}
