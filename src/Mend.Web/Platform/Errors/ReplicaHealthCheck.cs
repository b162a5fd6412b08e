using Mend.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mend.Web.Platform.Errors;

/// <summary>
/// How far the read-only replica that reports read from (<c>ConnectionStrings:MendReadOnly</c>) is behind the primary, in
/// seconds, shown in <c>/health/ready</c>: healthy up to <c>Mend:Database:ReplicaLagWarningSeconds</c> (30 by default),
/// degraded beyond it or when the replica cannot be reached (reports are then stale or fail; everything else works, so the
/// node stays in the load balancer: degraded answers 200). The lag is 0 while the standby has replayed all it received,
/// otherwise the age of the last transaction it replayed. Healthy with no replica configured.
/// </summary>
public sealed class ReplicaHealthCheck(DatabaseSettings settings, IConfiguration configuration) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (configuration.GetConnectionString(ReportDatabase.ConnectionName) is not { Length: > 0 } replica)
        {
            return HealthCheckResult.Healthy("No read-only replica is configured; reports read from the primary.");
        }

        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return HealthCheckResult.Healthy("Reports read from the configured read-only SQLite database; it has no replication lag to show.");
        }

        var warnAfter = configuration.GetValue("Mend:Database:ReplicaLagWarningSeconds", 30.0);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(replica) { Timeout = 3, CommandTimeout = 3 };
            await using var db = new NpgsqlConnection(connection.ConnectionString);
            await db.OpenAsync(cancellationToken);
            // A standby that is not receiving from the primary has replayed all it received: its lag is the age of its last
            // replayed transaction, and it is degraded whatever that is.
            await using var command = new NpgsqlCommand(
                "SELECT pg_is_in_recovery(), COALESCE((SELECT status = 'streaming' FROM pg_stat_wal_receiver LIMIT 1), false), " +
                "CASE WHEN NOT pg_is_in_recovery() THEN 0 " +
                "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0 " +
                "ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8", db);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (standby, receiving, lag) = (reader.GetBoolean(0), reader.GetBoolean(1), Math.Round(reader.GetDouble(2), 1));
            var data = new Dictionary<string, object> { ["lagSeconds"] = lag, ["standby"] = standby };
            if (standby && !receiving)
            {
                return HealthCheckResult.Degraded($"The read-only replica is not receiving from the primary; its last change is {lag:0.#} seconds old.", data: data);
            }

            return lag > warnAfter
                ? HealthCheckResult.Degraded($"The read-only replica is {lag:0.#} seconds behind the primary; reports are that far out of date.", data: data)
                : HealthCheckResult.Healthy(standby ? "Reports read from the standby." : "The read-only connection reaches a primary (after a failover?).", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong (the server, the network, a malformed connection string), the answer is anonymous: no message.
            return HealthCheckResult.Degraded("The read-only replica cannot be reached; reports will fail until it is back.");
        }
    }
}
