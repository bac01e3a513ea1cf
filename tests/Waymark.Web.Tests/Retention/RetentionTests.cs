using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Data.Records;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.People;
using Waymark.Testing;

namespace Waymark.Web.Tests.Retention;

/// <summary>
/// The retention pages: what is due, choosing and checking before an all-or-nothing deletion that leaves nothing
/// behind but the audit, legal holds, changing the periods, and refusal for everyone but the LA administrator.
/// </summary>
public abstract class RetentionTests(WaymarkTestHost host)
{
    private static int _serial = 800;

    private static int _born;

    private Task<HttpClient> AdminAsync() => host.SignedInClientAsync(TestWorld.EmailFor(Role.LaAdmin));

    /// <summary>A rich child aged 26 (due for deletion under the 25-year rule), with a distinct birthday.</summary>
    private async Task<Child> DueChildAsync(string surname, bool lookedAfter = false)
    {
        await using var db = host.CreateDbContext();
        var born = TestWorld.Today.AddYears(-26).AddDays(-Interlocked.Increment(ref _born));
        return await RichChild.CreateAsync(db, host.World, born, lookedAfter, surname: surname);
    }

    /// <summary>A young child on no roll with register years at the primary school.</summary>
    private async Task<Child> ChildWithRegistersAsync(params int[] years)
    {
        await using var db = host.CreateDbContext();
        var child = TestWorld.NewChild("Register", "Years", TestWorld.Today.AddYears(-14), Sex.Female, 2999, Interlocked.Increment(ref _serial));
        db.Children.Add(child);
        await db.SaveChangesAsync();
        foreach (var year in years)
        {
            var marks = new YearMarks(new AcademicYear(year));
            marks.Set(new DateOnly(year, 9, 2), Session.AM, AttendanceCodes.Present);
            db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = host.World.Primary.Id, AcademicYear = year, Marks = marks.Bytes });
            db.AttendanceMarkChanges.Add(new AttendanceMarkChange
            {
                ChildId = child.Id, SchoolId = host.World.Primary.Id, Date = new DateOnly(year, 9, 2), Session = Session.AM, OldCode = "N", NewCode = "/",
                ChangedAtUtc = DateTime.UtcNow, Source = "register correction",
            });
        }

        await db.SaveChangesAsync();
        return child;
    }

    private static async Task<Dictionary<string, long>> RowCountsAsync(WaymarkDbContext db)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in ChildRecordGraph.Tables(db.Model))
        {
            // Table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table.Name + "\"";
            counts[table.Name] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    }

    private async Task<HttpResponseMessage> ConfirmDeletionAsync(HttpClient admin, params string[] keys) =>
        await admin.PostFieldsAsync("/admin/retention/check?handler=Delete", keys.Select(k => new KeyValuePair<string, string>("Selected", k)), formPage: "/admin/retention");

    [Fact]
    public async Task A_due_childs_whole_record_is_chosen_checked_and_deleted_leaving_nothing_but_the_audit()
    {
        var child = await DueChildAsync("Deleted");
        var key = $"child:{child.Id:N}";
        var admin = await AdminAsync();
        Dictionary<string, long> before;
        ChildRecord record;
        await using (var db = host.CreateDbContext())
        {
            before = await RowCountsAsync(db);
            record = (await ChildRecordGraph.ReadAsync(db, child.Id))!;

            // The check below finds rows when there are some.
            Assert.Equal(1L, await CountForChildAsync(db, db.Model.FindEntityType(typeof(Enrolment))!, child.Id));
        }

        var index = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        var check = await admin.PostFieldsAsync("/admin/retention/check", [new("Selected", key)], formPage: "/admin/retention");
        var checkPage = await check.GetDocumentAsync();
        var deleted = await ConfirmDeletionAsync(admin, key);

        Assert.NotNull(index.QuerySelector($"#to-delete input[value='{key}']"));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal("Check the records you are deleting", checkPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Rich Deleted", checkPage.QuerySelector($"#chosen tr[data-key='{key}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(checkPage.QuerySelector($"form input[type=hidden][name=Selected][value='{key}']"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/retention", deleted.Headers.Location!.OriginalString);
        var after = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        Assert.Contains("1 child's record and 0 attendance register years deleted", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);

        await using var check2 = host.CreateDbContext();
        Assert.Null(await ChildRecordGraph.ReadAsync(check2, child.Id));

        // Exactly the record's rows went from every table: nothing of the child is left, and nothing else was touched.
        var afterCounts = await RowCountsAsync(check2);
        foreach (var rows in record.Tables)
        {
            Assert.True(rows.Count > 0, $"{rows.Table.Name} had no rows to delete");
            Assert.Equal(before[rows.Table.Name] - rows.Count, afterCounts[rows.Table.Name]);
        }

        foreach (var type in check2.Model.GetEntityTypes().Where(t => t.FindProperty("ChildId") is not null && t.ClrType != typeof(AuditEvent)))
        {
            Assert.Equal(0L, await CountForChildAsync(check2, type, child.Id));
        }

        // The audit trail stays, with what was deleted and under which rule.
        Assert.True(await check2.AuditEvents.AnyAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildViewed));
        var audit = await check2.AuditEvents.SingleAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRecordDeleted);
        Assert.Equal(host.World.Users[Role.LaAdmin].Id, audit.UserId);
        Assert.StartsWith($"UPN {child.Upn}; rule: Child's record, 25 years from the child's date of birth, due {child.DateOfBirth.AddYears(25):yyyy-MM-dd}; deleted: Children 1, ", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("PcpInvitees 1", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("LegalHolds 1", audit.Detail, StringComparison.Ordinal);
        Assert.EndsWith("via the Waymark website", audit.Detail, StringComparison.Ordinal);
    }

    private static async Task<long> CountForChildAsync(WaymarkDbContext db, IEntityType type, Guid childId)
    {
        var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + type.GetTableName() + "\" WHERE \"ChildId\" = {0}";
        return await db.Database.SqlQueryRaw<long>(sql, childId).SingleAsync();
    }

    [Fact]
    public async Task A_looked_after_child_is_kept_to_75_and_a_young_child_cannot_be_deleted_by_a_forged_choice()
    {
        var lookedAfter = await DueChildAsync("LookedAfter", lookedAfter: true);
        var young = host.World.PrimaryChild;
        var admin = await AdminAsync();

        var index = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        var response = await ConfirmDeletionAsync(admin, $"child:{lookedAfter.Id:N}", $"child:{young.Id:N}");
        var page = await response.GetDocumentAsync();

        Assert.Null(index.QuerySelector($"input[value='child:{lookedAfter.Id:N}']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("The record of Rich LookedAfter", summary, StringComparison.Ordinal);
        Assert.Contains($"The record of Amelia Clarke ({young.Upn}) is not due for deletion", summary, StringComparison.Ordinal);
        await using var db = host.CreateDbContext();
        Assert.True(await db.Children.AnyAsync(c => c.Id == lookedAfter.Id));
        Assert.True(await db.Children.AnyAsync(c => c.Id == young.Id));
        Assert.False(await db.AuditEvents.AnyAsync(e => (e.ChildId == lookedAfter.Id || e.ChildId == young.Id) && e.Action == AuditActions.ChildRecordDeleted));
    }

    [Fact]
    public async Task A_child_on_legal_hold_cannot_be_deleted_until_the_hold_is_lifted_and_both_are_audited()
    {
        var child = await DueChildAsync("Held");
        var key = $"child:{child.Id:N}";
        var admin = await AdminAsync();
        var other = await DueChildAsync("AlongsideHeld");

        var noReason = await (await admin.PostFormAsync($"/admin/retention/holds/{child.Id}?handler=Place", new() { ["Reason"] = " " }, formPage: $"/admin/retention/holds/{child.Id}")).GetDocumentAsync();
        var placed = await admin.PostFormAsync($"/admin/retention/holds/{child.Id}?handler=Place", new() { ["Reason"] = "Claim CL-123 against the council" }, formPage: $"/admin/retention/holds/{child.Id}");
        var index = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        var refused = await ConfirmDeletionAsync(admin, key, $"child:{other.Id:N}");
        var refusedPage = await refused.GetDocumentAsync();

        Assert.Contains("Enter why the child's record must be kept", noReason.QuerySelector("#Reason-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        Assert.Null(index.QuerySelector($"#to-delete input[value='{key}']"));
        Assert.NotNull(index.QuerySelector($"#held tr[data-key='{key}']"));
        Assert.Contains("is on legal hold", refusedPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        await using (var db = host.CreateDbContext())
        {
            // All or nothing: the child chosen with the held one is not deleted either.
            Assert.True(await db.Children.AnyAsync(c => c.Id == child.Id));
            Assert.True(await db.Children.AnyAsync(c => c.Id == other.Id));
            Assert.Equal("reason: Claim CL-123 against the council",
                (await db.AuditEvents.SingleAsync(e => e.ChildId == child.Id && e.Action == AuditActions.LegalHoldPlaced)).Detail);
            Assert.True(await db.LegalHolds.AnyAsync(h => h.ChildId == child.Id && h.LiftedAtUtc == null && h.PlacedByUserId == host.World.Users[Role.LaAdmin].Id));
        }

        var holds = await (await admin.GetAsync("/admin/retention/holds")).GetDocumentAsync();
        Assert.Contains("Claim CL-123", holds.QuerySelector("#holds")!.TextContent, StringComparison.Ordinal);

        var lifted = await admin.PostFormAsync($"/admin/retention/holds/{child.Id}?handler=Lift", new() { ["Reason"] = "Claim withdrawn" }, formPage: $"/admin/retention/holds/{child.Id}");
        var deleted = await ConfirmDeletionAsync(admin, key, $"child:{other.Id:N}");

        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = host.CreateDbContext();
        Assert.False(await after.Children.AnyAsync(c => c.Id == child.Id || c.Id == other.Id));
        Assert.Equal("reason: Claim withdrawn", (await after.AuditEvents.SingleAsync(e => e.ChildId == child.Id && e.Action == AuditActions.LegalHoldLifted)).Detail);
        Assert.Equal(2, await after.AuditEvents.CountAsync(e => (e.ChildId == child.Id || e.ChildId == other.Id) && e.Action == AuditActions.ChildRecordDeleted));
    }

    [Fact]
    public async Task Old_register_years_are_deleted_with_their_corrections_and_the_child_and_recent_years_kept()
    {
        var current = TestWorld.ThisYear.StartYear;
        var child = await ChildWithRegistersAsync(current - 8, current - 1);
        var oldKey = $"attendance:{child.Id:N}:{current - 8}";
        var admin = await AdminAsync();

        var index = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        var deleted = await ConfirmDeletionAsync(admin, oldKey);

        Assert.NotNull(index.QuerySelector($"#to-delete input[value='{oldKey}']"));
        Assert.Null(index.QuerySelector($"#to-delete input[value='attendance:{child.Id:N}:{current - 1}']"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var db = host.CreateDbContext();
        Assert.True(await db.Children.AnyAsync(c => c.Id == child.Id));
        Assert.Equal([current - 1], await db.AttendanceYears.Where(y => y.ChildId == child.Id).Select(y => y.AcademicYear).ToListAsync());
        Assert.Equal([current - 1], await db.AttendanceMarkChanges.Where(c => c.ChildId == child.Id).Select(c => c.Date.Year).ToListAsync());
        var audit = await db.AuditEvents.SingleAsync(e => e.ChildId == child.Id && e.Action == AuditActions.AttendanceRegisterDeleted);
        Assert.Contains($"{new AcademicYear(current - 8)} register; rule: Attendance register year, 6 years from the end of the academic year of the entries", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("deleted: AttendanceYears 1, AttendanceMarkChanges 1", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_nothing_goes_back_with_an_error_and_choose_all_lists_everything_due()
    {
        var child = await DueChildAsync("ChooseAll");
        var admin = await AdminAsync();

        var none = await admin.PostFieldsAsync("/admin/retention/check", [], formPage: "/admin/retention");
        var back = await (await admin.GetAsync(none.Headers.Location!.OriginalString)).GetDocumentAsync();
        var all = await (await admin.PostFieldsAsync("/admin/retention/check", [new("All", "true")], formPage: "/admin/retention")).GetDocumentAsync();

        Assert.Equal("/admin/retention?problem=none-chosen", none.Headers.Location!.OriginalString);
        Assert.Contains("Select the records to delete", back.QuerySelector("#Selected-error")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(back.QuerySelector(".govuk-error-summary a[href='#Selected']"));
        Assert.NotNull(all.QuerySelector($"#chosen tr[data-key='child:{child.Id:N}']"));
    }

    [Fact]
    public async Task Changing_a_period_is_audited_with_before_and_after_and_changes_what_is_due()
    {
        var child = await DueChildAsync("Longer");
        var key = $"child:{child.Id:N}";
        var admin = await AdminAsync();
        try
        {
            var invalid = await (await admin.PostFormAsync("/admin/retention/rules", new()
            {
                ["Years[child-record]"] = "0", ["Years[looked-after-child-record]"] = "75", ["Years[attendance-register]"] = "six",
            })).GetDocumentAsync();
            var saved = await admin.PostFormAsync("/admin/retention/rules", new()
            {
                ["Years[child-record]"] = "30", ["Years[looked-after-child-record]"] = "75", ["Years[attendance-register]"] = "6",
            });
            var index = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();

            Assert.Contains("between 1 and 150", invalid.QuerySelector("#Years-child-record-error")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("whole number", invalid.QuerySelector("#Years-attendance-register-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains("30 years from the child's date of birth", index.QuerySelector("#periods")!.TextContent, StringComparison.Ordinal);
            Assert.Null(index.QuerySelector($"input[value='{key}']"));
            await using var db = host.CreateDbContext();
            var changes = await db.AuditEvents.Where(e => e.Action == AuditActions.RetentionRuleChanged).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync();
            Assert.Equal("Child's record: from 25 to 30 years", changes);
            Assert.Equal(30, (await db.RetentionRules.SingleAsync(r => r.RecordType == Domain.Retention.RetentionRecordType.ChildRecord)).Years);
        }
        finally
        {
            await admin.PostFormAsync("/admin/retention/rules", new()
            {
                ["Years[child-record]"] = "25", ["Years[looked-after-child-record]"] = "75", ["Years[attendance-register]"] = "6",
            });
        }

        var restored = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();
        Assert.NotNull(restored.QuerySelector($"input[value='{key}']"));
    }

    public static TheoryData<Role> OtherRoles() => new(Roles.All.Where(r => r != Role.LaAdmin));

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task Every_other_role_is_refused_every_retention_page_and_a_refusal_naming_a_child_is_audited(Role role)
    {
        var child = host.World.SecondaryChild;
        var client = await host.SignedInClientAsync(TestWorld.EmailFor(role));
        await using var before = host.CreateDbContext();
        var refusals = await before.AuditEvents.CountAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[role].Id);

        foreach (var path in new[] { "/admin/retention", "/admin/retention/rules", "/admin/retention/holds", $"/admin/retention/holds/{child.Id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }

        var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["Selected"] = $"child:{child.Id:N}", ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/admin/retention/check?handler=Delete", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/admin/retention/holds/{child.Id}?handler=Place", forged)).StatusCode);

        await using var after = host.CreateDbContext();
        Assert.Equal(refusals + 2, await after.AuditEvents.CountAsync(e => e.ChildId == child.Id && e.Action == AuditActions.ChildRefused && e.UserId == host.World.Users[role].Id));
        Assert.False(await after.LegalHolds.AnyAsync(h => h.ChildId == child.Id));
        Assert.True(await after.Children.AnyAsync(c => c.Id == child.Id));
    }

    [Fact]
    public async Task Signed_out_visitors_are_sent_to_sign_in_and_only_administrators_see_the_menu_items()
    {
        var anonymous = host.CreateClient();
        foreach (var path in new[] { "/admin/retention", "/admin/retention/rules", "/admin/retention/holds", $"/admin/retention/holds/{host.World.PrimaryChild.Id}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var adminHome = await (await (await AdminAsync()).GetAsync("/")).GetDocumentAsync();
        var officerHome = await (await (await host.SignedInClientAsync(TestWorld.EmailFor(Role.LaOfficer))).GetAsync("/")).GetDocumentAsync();
        Assert.NotNull(adminHome.QuerySelector("nav a[href='/admin/retention']"));
        Assert.NotNull(adminHome.QuerySelector("nav a[href='/admin/subject-access']"));
        Assert.Null(officerHome.QuerySelector("nav a[href='/admin/retention']"));
        Assert.Null(officerHome.QuerySelector("nav a[href='/admin/subject-access']"));
    }

    [Fact]
    public async Task The_retention_page_counts_by_type_and_its_view_is_audited()
    {
        await DueChildAsync("Counted");
        var admin = await AdminAsync();

        var page = await (await admin.GetAsync("/admin/retention")).GetDocumentAsync();

        var row = page.QuerySelector("#counts tr[data-type='child-record']")!;
        Assert.True(int.Parse(row.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.NotNull(page.QuerySelector("#counts tr[data-type='looked-after-child-record']"));
        Assert.NotNull(page.QuerySelector("#counts tr[data-type='attendance-register']"));
        await using var db = host.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.RetentionReportProduced && e.UserId == host.World.Users[Role.LaAdmin].Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RetentionTestsOnSqlite(SqliteHost fixture) : RetentionTests(fixture.Host);

[Collection(PostgresCollection.Name)]
public sealed class RetentionTestsOnPostgres(PostgresHost fixture) : RetentionTests(fixture.Host);
