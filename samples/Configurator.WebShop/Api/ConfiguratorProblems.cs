using System.Text.Json;
using Configurator.Solving;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Configurator.WebShop.Api;

/// <summary>
/// The one place where errors become responses: the library's error codes map to statuses, and
/// every API error is <c>application/problem+json</c> with the code; nothing else reaches a
/// client (no stack trace, no HTML page on an API route). Pages show the same message in place.
/// </summary>
internal sealed partial class ConfiguratorProblems(IProblemDetailsService problems, ILogger<ConfiguratorProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Describe(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnexpected(exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        if (!httpContext.Request.Path.StartsWithSegments("/api") && !httpContext.Request.Path.StartsWithSegments("/openapi"))
        {
            // A page: the message in plain HTML, with the way back.
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            await httpContext.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Title(status)}</title><link rel=\"stylesheet\" href=\"/site.css\"></head>" +
                $"<body><main><h1>{Title(status)}</h1><p class=\"error\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(detail)}</p><p><a href=\"/\">Back to the catalogue</a></p></main></body></html>",
                cancellationToken);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = Title(status),
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    /// <summary>The status, error code and message for an exception.</summary>
    public static (int Status, string Code, string Detail) Describe(Exception exception) => exception switch
    {
        InvalidSelectionException e => (StatusCodes.Status400BadRequest, e.Code, e.Message),
        ConfiguratorException { Code: ConfiguratorErrorCodes.UnknownModel or ConfiguratorErrorCodes.UnknownSession } e => (StatusCodes.Status404NotFound, e.Code, e.Message),
        ConfiguratorException { Code: ConfiguratorErrorCodes.StaleConflict } e => (StatusCodes.Status409Conflict, e.Code, e.Message),
        ConfiguratorException e => (StatusCodes.Status400BadRequest, e.Code, e.Message),
        BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, ConfiguratorErrorCodes.InvalidInput, $"The body is not the JSON this route takes: {json.Message}"),
        BadHttpRequestException e => (StatusCodes.Status400BadRequest, ConfiguratorErrorCodes.InvalidInput, e.Message),
        JsonException e => (StatusCodes.Status400BadRequest, ConfiguratorErrorCodes.InvalidInput, $"The body is not valid JSON: {e.Message}"),
        OperationCanceledException => (StatusCodes.Status499ClientClosedRequest, "Cancelled", "The request was cancelled."),
        _ => (StatusCodes.Status500InternalServerError, "InternalError", "Something went wrong on our side; the session is unchanged. Try again."),
    };

    private static string Title(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status400BadRequest => "Bad request",
        _ => "Error",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error on {Path}")]
    private partial void LogUnexpected(Exception exception, string path);
}
