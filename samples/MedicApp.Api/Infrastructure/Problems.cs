namespace MedicApp.Api.Infrastructure;

/// <summary>The problem-details answers the endpoints share.</summary>
internal static class Problems
{
    public static IResult NotFound(string what) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"The {what} does not exist.");

    public static IResult Conflict(string detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The request conflicts with the current state.", detail: detail);

    public static IResult Unauthorized(string detail) => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized.", detail: detail);
}
