using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Platform.Diagnostics;

/// <summary>
/// Counts the database commands one request sends through its <see cref="Data.MendDb"/> (each command is one round trip:
/// Npgsql and SQLite send a command's statements together). The view records written in shared group commits
/// (decision 0016) are not the request's own and are not counted. With <c>Mend:Diagnostics:RoundTripHeader</c> set,
/// each answer carries the count in <c>X-Mend-Round-Trips</c>, for <c>scripts/bench</c> and the tests that hold pages to a number.
/// </summary>
public sealed class RoundTrips
{
    public const string Header = "X-Mend-Round-Trips";

    private int _count;

    public int Count => _count;

    /// <summary>Milliseconds in the page's handler (reading the data), when <see cref="PageTiming"/> measured it.</summary>
    public double? HandlerMilliseconds { get; internal set; }

    /// <summary>Milliseconds rendering the page (Razor, tag helpers and the layout), when <see cref="PageTiming"/> measured it.</summary>
    public double? RenderMilliseconds { get; internal set; }

    internal void Add() => Interlocked.Increment(ref _count);
}

/// <summary>Adds one to the request's <see cref="RoundTrips"/> for every command the context executes.</summary>
internal sealed class RoundTripCounter : DbCommandInterceptor
{
    public static readonly RoundTripCounter Instance = new();

    // A context outside a scope (taken straight from the pool's factory) sends commands that are no request's own.
    private static void Count(CommandEventData eventData)
    {
        if (eventData.Context is Data.MendDb { Scope: { } scope })
        {
            scope.GetRequiredService<RoundTrips>().Add();
        }
    }

    // A command answered by an interceptor before this one (a query of a batch, which counted its one round trip) is not sent.
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!result.HasResult)
        {
            Count(eventData);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!result.HasResult)
        {
            Count(eventData);
        }

        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(eventData);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// Puts the request's <see cref="RoundTrips"/> in its answer's headers as the answer starts (after any held view records are
/// committed), and, for a page, the time its handler and its rendering took as a standard <c>Server-Timing</c> header.
/// </summary>
public sealed class RoundTripHeader(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var costs = context.RequestServices.GetRequiredService<RoundTrips>();
            var c = System.Globalization.CultureInfo.InvariantCulture;
            context.Response.Headers[RoundTrips.Header] = costs.Count.ToString(c);
            if (costs.HandlerMilliseconds is { } handler && costs.RenderMilliseconds is { } render)
            {
                context.Response.Headers["Server-Timing"] = string.Create(c, $"handler;dur={handler:0.00}, render;dur={render:0.00}");
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>Times a page's handler and its rendering into the request's <see cref="RoundTrips"/> (only with Mend:Diagnostics:RoundTripHeader).</summary>
public sealed class PageTiming : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter, Microsoft.AspNetCore.Mvc.Filters.IAsyncAlwaysRunResultFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await next();
        context.HttpContext.RequestServices.GetRequiredService<RoundTrips>().HandlerMilliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public async Task OnResultExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.ResultExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.ResultExecutionDelegate next)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await next();
        context.HttpContext.RequestServices.GetRequiredService<RoundTrips>().RenderMilliseconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
