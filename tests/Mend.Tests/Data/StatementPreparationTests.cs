using Mend.Web.Data;
using Npgsql;

namespace Mend.Tests.Data;

/// <summary>
/// Npgsql prepares Mend's repeated statements unless the operator's connection string says how many (0: none), and does not reset
/// a pooled connection unless it says to.
/// </summary>
public sealed class StatementPreparationTests
{
    [Fact]
    public void ConnectionWithoutTheSetting_PreparesRepeatedStatements()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults("Host=db;Database=mend;Username=mend;Password=secret"));

        Assert.Equal(DatabaseSetup.PreparedStatements, prepared.MaxAutoPrepare);
        Assert.Equal(2, prepared.AutoPrepareMinUsages);
        Assert.True(prepared.NoResetOnClose);
        Assert.Equal("secret", prepared.Password);
        Assert.Equal("db", prepared.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=20", 20)]
    [InlineData("Host=db;max auto prepare=5", 5)]
    public void OperatorsSetting_IsKept(string connection, int expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults(connection)).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false", false)]
    [InlineData("Host=db;noresetonclose=false", false)]
    [InlineData("Host=db;Max Auto Prepare=0", true)]
    public void OperatorsResetSetting_IsKept(string connection, bool expected)
    {
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPoolDefaults(connection)).NoResetOnClose);
    }
}
