using MedicApp.Telemetry.Generators.Parsing;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Parsing;

/// <summary>The snake_case rules shared by event names, property names and enum values.</summary>
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
    [InlineData("patientId", "PatientId")]
    [InlineData("@event", "Event")]
    [InlineData("Channel", "Channel")]
    public void ToPascalCase_ParameterName_ReturnsPropertyName(string identifier, string expected)
    {
        Assert.Equal(expected, NamingConventions.ToPascalCase(identifier));
    }
}
