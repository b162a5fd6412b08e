using Mend.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mend.Migrations.Postgres;

/// <summary>Lets 'dotnet ef migrations add' build MendDb for Postgres without starting the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MendDb>
{
    public MendDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MendDb>();
        DatabaseSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=mend_design;Username=postgres");
        return new MendDb(options.Options);
    }
}
