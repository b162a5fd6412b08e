using System.Data.Common;
using Mend.Web.Platform;
using Mend.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mend.Web.Data;

/// <summary>Reads the database settings and registers <see cref="MendDb"/> for the chosen provider.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Mend.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Mend.Migrations.Postgres";

    public static (DatabaseProvider Provider, string ConnectionString) ReadSettings(IConfiguration configuration)
    {
        var providerText = configuration["Mend:Database:Provider"];
        if (string.IsNullOrWhiteSpace(providerText))
        {
            throw new MendConfigurationException(
                "Mend:Database:Provider is not set. Set the environment variable Mend__Database__Provider to Sqlite or Postgres.");
        }

        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new MendConfigurationException(
                $"Mend:Database:Provider is '{providerText}', which is not a database Mend supports. Use Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString("Mend");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MendConfigurationException(
                "ConnectionStrings:Mend is not set. Set the environment variable ConnectionStrings__Mend, for example "
                + (provider == DatabaseProvider.Sqlite
                    ? "'Data Source=/var/lib/mend/mend.db'."
                    : "'Host=db.internal;Database=mend;Username=mend_app;Password=...'."));
        }

        try
        {
            _ = new DbConnectionStringBuilder { ConnectionString = connectionString };
        }
        catch (ArgumentException)
        {
            throw new MendConfigurationException("ConnectionStrings:Mend is not a valid connection string (it could not be parsed).");
        }

        if (configuration.GetConnectionString(ReportDatabase.ConnectionName) is { Length: > 0 } replica)
        {
            try
            {
                _ = new DbConnectionStringBuilder { ConnectionString = replica };
            }
            catch (ArgumentException)
            {
                throw new MendConfigurationException($"ConnectionStrings:{ReportDatabase.ConnectionName} is not a valid connection string (it could not be parsed).");
            }
        }

        return (provider, connectionString);
    }

    public static IServiceCollection AddMendDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var (provider, connectionString) = ReadSettings(sp.GetRequiredService<IConfiguration>());
            return new DatabaseSettings(provider, connectionString);
        });
        // Before every other background service, so a node with the wrong key stops before any of them starts.
        services.AddHostedService<Platform.Encryption.KeyFingerprintCheck>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditViewWriter>();
        services.AddScoped<ViewCommits>();
        services.AddSingleton<AuditViewRouting>();
        services.AddScoped<Platform.Diagnostics.RoundTrips>();
        services.AddScoped<ReportDatabase>();
        services.AddTransient<QueryBatch>(); // each user its own: a batch runs every query added to it
        services.AddSingleton<Platform.Text.TextColumns>();
        services.AddSingleton<Platform.Search.WordIndex>();
        services.AddSingleton<Features.People.NameVocabulary>();
        // Contexts are pooled (decision 0022): their options and interceptors are made once, and a scope takes a context from
        // the pool and gives it back when it ends. The interceptors find the scope's own services through MendDb.Scope.
        services.AddPooledDbContextFactory<MendDb>((sp, options) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            Configure(options, settings.Provider, settings.ConnectionString);
            // The batch's replay first, so that the round-trip counter (last) sees which commands were answered without being sent.
            options.AddInterceptors(QueryBatch.Replay.Instance, sp.GetRequiredService<Platform.Text.TextColumns>(), Platform.Changes.VersionStamps.Instance, sp.GetRequiredService<AuditInterceptor>(),
                sp.GetRequiredService<Features.People.NameVocabulary>(), sp.GetRequiredService<AuditViewRouting>(),
                Platform.Diagnostics.RoundTripCounter.Instance);
        });
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<MendDb>>().CreateDbContext();
            db.Scope = sp;
            return db;
        });
        return services;
    }

    /// <summary>Statements Npgsql keeps prepared on each connection, unless the connection string says otherwise.</summary>
    public const int PreparedStatements = 128;

    // Every request's context is configured with the same one or two strings: parsed once each, not per request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Pooled = new(StringComparer.Ordinal);

    /// <summary>
    /// Npgsql prepares the statements a connection runs repeatedly (after <c>Auto Prepare Min Usages</c>, 2 here), so PostgreSQL
    /// parses and plans each of Mend's queries once per connection rather than on every request; planning the case page's and
    /// the caseload's queries, each with the access rule folded in, cost more than running them (issue 21, docs/performance.md).
    /// A connection string that names <c>Max Auto Prepare</c> is left as it is: 0 turns preparation off, as a pooler in
    /// transaction mode without prepared-statement support needs (operators' guide).
    /// Unless it names <c>No Reset On Close</c>, a pooled connection is not reset before it is used again: Mend leaves no
    /// session state behind (no <c>SET</c>, no <c>LISTEN</c>, only transaction-scoped advisory locks), and the reset was three
    /// statements on every reuse, two or three a request.
    /// </summary>
    public static string WithPoolDefaults(string connectionString) => Pooled.GetOrAdd(connectionString, AddPoolDefaults);

    private static bool Names(string connectionString, params string[] keywords) =>
        keywords.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));

    private static string AddPoolDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Names(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            if (!Names(connectionString, "Auto Prepare Min Usages", "AutoPrepareMinUsages"))
            {
                builder.AutoPrepareMinUsages = 2;
            }
        }

        return builder.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        MigrationsAssemblyLoader.Register();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                options.AddInterceptors(SqlitePragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(WithPoolDefaults(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
        }
        // Model changes without a migration should fail loudly in tests rather than at a customer's upgrade.
        options.ConfigureWarnings(w => w.Throw(RelationalEventId.PendingModelChangesWarning));
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>Durability settings for SQLite (SECURITY.md: WAL with synchronous=FULL), and deleted rows overwritten with zeros (retention disposal).</summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// The migrations assemblies reference Mend.Web, so Mend.Web cannot reference them; the build puts them
/// beside Mend.Web.dll and this resolver loads them from there when EF asks for them by name.
/// </summary>
internal static class MigrationsAssemblyLoader
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            if (name.Name is not (DatabaseSetup.SqliteMigrationsAssembly or DatabaseSetup.PostgresMigrationsAssembly))
            {
                return null;
            }

            var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }
}
