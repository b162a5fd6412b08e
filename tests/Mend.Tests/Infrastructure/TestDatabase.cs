using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mend.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test class, on the provider named by MEND_TEST_PROVIDER
/// (sqlite, the default, or postgres with MEND_TEST_POSTGRES as the server's connection string).
/// scripts/test runs the whole suite once per provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _postgresServer;
    private readonly string _name;

    private TestDatabase(string provider, string connectionString, string name, string? postgresServer)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _postgresServer = postgresServer;
    }

    public static string CurrentProvider =>
        (Environment.GetEnvironmentVariable("MEND_TEST_PROVIDER") ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => "Postgres",
            _ => "Sqlite",
        };

    public bool IsPostgres => Provider == "Postgres";

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "mend_test_" + Guid.NewGuid().ToString("N")[..12];
        if (CurrentProvider == "Sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "mend-tests");
            Directory.CreateDirectory(folder);
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, name + ".db")};Pooling=False", name, null);
        }

        var server = Environment.GetEnvironmentVariable("MEND_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MEND_TEST_PROVIDER is postgres but MEND_TEST_POSTGRES (the server's connection string) is not set.");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, name, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                var path = Path.Combine(Path.GetTempPath(), "mend-tests", _name + ".db" + suffix);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
