using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Records;

namespace Waymark.Data.Tests.Records;

/// <summary>The tables of a child's record as the model gives them, without a database.</summary>
public class ChildRecordGraphTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    // Each provider builds its own model; neither opens a connection to do it.
    private static IReadOnlyList<ChildRecordTable> Tables(DatabaseProvider provider)
    {
        var location = provider == DatabaseProvider.Sqlite
            ? DatabaseLocation.Sqlite(Path.Combine(Path.GetTempPath(), "waymark-model-only.db"))
            : DatabaseLocation.Parse("Host=127.0.0.1;Port=1;Database=waymark-model-only");
        using var db = location.CreateContext();
        return ChildRecordGraph.Tables(db.Model);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_child_comes_first_and_every_table_after_the_tables_it_refers_to(DatabaseProvider provider)
    {
        var tables = Tables(provider);

        Assert.Equal(typeof(Child), tables[0].ClrType);
        for (var i = 0; i < tables.Count; i++)
        {
            foreach (var link in tables[i].Links.Where(l => l.PrincipalEntityType != tables[i].EntityType))
            {
                var principal = tables.ToList().FindIndex(t => t.EntityType == link.PrincipalEntityType);
                Assert.True(principal >= 0 && principal < i, $"{tables[i].Name} comes before {link.PrincipalEntityType.GetTableName()}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Tables_reached_only_through_another_table_are_included_and_shared_tables_are_not(DatabaseProvider provider)
    {
        var names = Tables(provider).Select(t => t.Name).ToList();

        Assert.Contains("PcpInvitees", names);
        Assert.Contains("ReducedTimetableReviews", names);
        Assert.Contains("InformationShares", names);
        Assert.Contains("LegalHolds", names);
        Assert.DoesNotContain("AspNetUsers", names);
        Assert.DoesNotContain("AspNetUserTokens", names);
        Assert.DoesNotContain("Schools", names);
        Assert.DoesNotContain("Interventions", names);
        Assert.DoesNotContain("AuditEvents", names);
        Assert.True(names.IndexOf("InformationShares") > names.IndexOf("Consents"));
        Assert.True(names.IndexOf("InformationShares") > names.IndexOf("Transitions"));
        Assert.True(names.IndexOf("PcpInvitees") > names.IndexOf("PcpMeetings"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_table_has_its_key_first_and_the_entitys_own_order_after(DatabaseProvider provider)
    {
        var suspensions = Tables(provider).Single(t => t.ClrType == typeof(Suspension));

        Assert.Equal(nameof(Suspension.Id), suspensions.Key.Name);
        Assert.Equal([nameof(Suspension.Id), nameof(Suspension.ChildId), nameof(Suspension.SchoolId), nameof(Suspension.Kind)],
            suspensions.Columns.Take(4).Select(c => c.Name));
    }
}
