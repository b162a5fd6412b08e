using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mend.Migrations.Sqlite;

/// <summary>Lets 'dotnet ef migrations add' build MendDb for Sqlite without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MendDb>
{
    public MendDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new MendDb(options.Options);
    }
}
