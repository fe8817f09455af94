using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.Staff;

/// <summary>Stops the start on a staff account that could not be created, naming each setting to fix.</summary>
internal sealed class StaffAccountOptionsValidator : IValidateOptions<StaffAccountOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffAccountOptions options)
        => StaffAccountSeeder.Problems(options).ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
