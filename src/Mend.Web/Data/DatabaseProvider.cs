namespace Mend.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
